import pytest


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the after-commit purges the way a real transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def publish_change(on_commit):
    """`publish_change(page, title=...)`: set the fields and publish them as an editor would, purging after the
    commit."""

    def publish(page, **fields):
        for name, value in fields.items():
            setattr(page, name, value)
        with on_commit():
            page.save_revision().publish()

    return publish
