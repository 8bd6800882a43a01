"""The demo content of the portal, in Polish and English, for `manage.py load_demo_content`.

Every text a reader sees is a {"pl": ..., "en": ...} pair, so the command builds a page from one language
and its wagtail-localize translation from the other; a text with only its source language is one the
translators have not done yet. Plain values (colours, addresses of mailboxes, tags) are the same in both
languages. Rich text is HTML starting with a block tag; both languages have the same blocks in the same order.

Facts come from the clusters' own texts (/work/shared/seeds); the sentences are the portal's own.
Every address, e-mail and phone number is an example.
"""

HOME = {
    "title": {"pl": "Klastry Śląska", "en": "Silesian Clusters"},
    "slug": {"pl": "home", "en": "home-en"},
    "introduction": {
        "pl": "<p>Na tym portalu śląskie klastry gospodarcze opowiadają o sobie: czym się zajmują, do czego dążą "
        "i co u nich słychać. Jeśli chcesz z nimi współpracować, napisz – chętnie odpowiemy.</p>",
        "en": "<p>On this portal, business clusters from Silesia tell you about themselves: what they do, what "
        "they are aiming for and what they have been up to. If you would like to work with them, drop us a line "
        "– we will be glad to answer.</p>",
    },
}

SECTORS = {
    "ict": {"name": {"pl": "Multimedia i ICT", "en": "Multimedia and ICT"}},
    "environment": {"name": {"pl": "Technologie środowiskowe", "en": "Environmental technologies"}},
}

SITE_TEXT = {
    "organisation_name": {"pl": "Klastry Śląska", "en": "Silesian Clusters"},
    "tagline": {
        "pl": "Firmy, nauka i samorządy, które działają razem",
        "en": "Businesses, science and local government working together",
    },
    "footer_text": {
        "pl": "<p>Portal prowadzą wspólnie śląskie klastry gospodarcze. To wersja demonstracyjna: "
        "wszystkie adresy i numery telefonów są przykładowe.</p>",
        "en": "<p>The portal is run jointly by business clusters from Silesia. This is a demo: "
        "all addresses and phone numbers are examples.</p>",
    },
}

PORTAL_SETTINGS = {
    "contact_email": "kontakt@klastry.example.pl",
    "facebook_url": "https://facebook.example.com/klastry-slaska",
    "linkedin_url": "https://linkedin.example.com/company/klastry-slaska",
    "youtube_url": "https://youtube.example.com/@klastry-slaska",
}


def contact_form_fields(topics):
    """The fields every demo contact form asks for; the clean names are the same in both languages."""
    return [
        {
            "clean_name": "name",
            "field_type": "singleline",
            "required": True,
            "label": {"pl": "Imię i nazwisko", "en": "Your name"},
        },
        {
            "clean_name": "email",
            "field_type": "email",
            "required": True,
            "label": {"pl": "Adres e-mail", "en": "E-mail address"},
            "help_text": {"pl": "Na ten adres wyślemy odpowiedź.", "en": "We will reply to this address."},
        },
        {
            "clean_name": "topic",
            "field_type": "dropdown",
            "required": False,
            "label": {"pl": "Temat", "en": "Topic"},
            "choices": topics,
        },
        {
            "clean_name": "message",
            "field_type": "multiline",
            "required": True,
            "label": {"pl": "Wiadomość", "en": "Message"},
        },
    ]


# The Silesian Multimedia Cluster writes in English first.
MULTIMEDIA = {
    "source": "en",
    "sector": "ict",
    "logo": {
        "title": "Silesian Multimedia Cluster logo: the letters SMC in a white ring on violet",
        "kind": "logo",
        "colours": ("#8e5cc4", "#3b1f66"),
        "label": "SMC",
    },
    "hero_image": {
        "title": "Banner: translucent circles on a violet-to-teal gradient",
        "kind": "hero",
        "colours": ("#3b1f66", "#1b8a8f"),
        "label": "SMC",
    },
    "page": {
        "title": {"en": "Silesian Multimedia Cluster", "pl": "Śląski Klaster Multimedialny"},
        "short_name": {"en": "SMC", "pl": "ŚKM"},
        "tagline": {
            "en": "Tools and content that carry knowledge through every channel",
            "pl": "Narzędzia i treści, które niosą wiedzę wszystkimi kanałami",
        },
        "accent_colour": "#5b2d90",
        "vision": {
            "en": "<p>We want to be the leading initiative in the Silesian Voivodeship for building tools and "
            "content that deliver knowledge and information through many channels at once – in social life, "
            "in education and in business.</p>",
            "pl": "<p>Chcemy być wiodącą inicjatywą w województwie śląskim w tworzeniu narzędzi i treści, które "
            "przekazują wiedzę i informacje wieloma kanałami naraz – w życiu społecznym, w edukacji "
            "i w gospodarce.</p>",
        },
        "mission": {
            "en": "<p>We bring together the economic, educational and scientific strengths of companies and "
            "research institutions in the Silesian Voivodeship, so that they grow and make the most of the "
            "market opportunities in ICT and multimedia.</p>",
            "pl": "<p>Łączymy potencjał gospodarczy, edukacyjny i naukowy firm oraz instytucji badawczych "
            "województwa śląskiego, aby mogły się rozwijać i jak najlepiej wykorzystywać szanse rynkowe "
            "w branżach ICT i multimediów.</p>",
        },
        "main_objective": {
            "en": "<p>Our main objective is to make our members more competitive. For companies this means "
            "higher profits and growing businesses; for research institutions, bringing the results of their "
            "research to the market.</p>"
            "<p>A cluster works as a catalyst: thanks to synergy, the money and effort that members invest "
            "together yield more than the same resources spent separately. Joint promotion shows this well – "
            "pooling resources and skills matters most when a company enters and promotes itself on foreign "
            "markets, which usually costs more than a single firm can afford.</p>",
            "pl": "<p>Naszym głównym celem jest wzmacnianie konkurencyjności członków klastra. Dla "
            "przedsiębiorców oznacza to wyższe zyski i rozwój firmy, dla jednostek naukowych – wprowadzanie "
            "wyników badań na rynek.</p>"
            "<p>Klaster działa jak katalizator: dzięki efektowi synergii pieniądze i wysiłek włożone we wspólne "
            "działania przynoszą więcej niż te same zasoby wydane osobno. Dobrze widać to na przykładzie "
            "wspólnej promocji – połączenie zasobów i kompetencji liczy się najbardziej przy wchodzeniu na "
            "rynki zagraniczne i promocji za granicą, które zwykle przekraczają możliwości jednej firmy.</p>",
        },
        "objectives": [
            {
                "text": {
                    "en": "Working out a shared cooperation strategy that gives members a competitive edge",
                    "pl": "Wypracowanie wspólnej strategii współpracy, która da członkom przewagę konkurencyjną",
                }
            },
            {
                "text": {
                    "en": "Cooperating on joint offers and on products and services of a new quality",
                    "pl": "Współpraca przy wspólnej ofercie oraz produktach i usługach nowej jakości",
                }
            },
            {"text": {"en": "Generating innovative ideas", "pl": "Generowanie innowacyjnych pomysłów"}},
            {
                "text": {
                    "en": "Making the region's knowledge-based economy more competitive with state-of-the-art "
                    "technologies and innovation in ICT and multimedia",
                    "pl": "Wzmacnianie konkurencyjności opartej na wiedzy gospodarki regionu dzięki najnowszym "
                    "technologiom i innowacjom w branżach ICT i multimediów",
                }
            },
            {
                "text": {
                    "en": "Starting and expanding international cooperation in developing multimedia technologies",
                    "pl": "Nawiązywanie i rozwijanie współpracy międzynarodowej przy rozwoju technologii "
                    "multimedialnych",
                }
            },
            {
                "text": {
                    "en": "Bringing together the innovative work of entrepreneurs in multimedia and ICT",
                    "pl": "Skupianie innowacyjnej działalności przedsiębiorców z branż multimediów i ICT",
                }
            },
            {
                "text": {
                    "en": "Organising joint promotion, advice and training on putting innovations into practice",
                    "pl": "Organizowanie wspólnych działań promocyjnych, doradczych i szkoleniowych "
                    "we wdrażaniu innowacji",
                }
            },
            {
                "text": {
                    "en": "Raising the funds we need to make our ambitions come true",
                    "pl": "Pozyskiwanie środków potrzebnych do spełnienia naszych ambicji",
                }
            },
        ],
        "body": [
            ("heading", {"heading_text": {"en": "Why multimedia?", "pl": "Dlaczego multimedia?"}, "level": "h2"}),
            (
                "paragraph",
                {
                    "en": "<p>Knowledge now reaches people through websites, mobile apps, video, games and "
                    "interactive installations all at once. Our members – software houses, studios, agencies, "
                    "universities and training centres – design the tools and the content for every one of "
                    "these channels.</p>",
                    "pl": "<p>Wiedza trafia dziś do ludzi jednocześnie przez strony internetowe, aplikacje "
                    "mobilne, wideo, gry i instalacje interaktywne. Nasi członkowie – producenci "
                    "oprogramowania, studia, agencje, uczelnie i ośrodki szkoleniowe – projektują narzędzia "
                    "i treści dla każdego z tych kanałów.</p>",
                },
            ),
            ("heading", {"heading_text": {"en": "How we work together", "pl": "Jak współpracujemy"}, "level": "h2"}),
            (
                "paragraph",
                {
                    "en": "<p>In the cluster, members:</p><ul><li>prepare joint offers and projects,</li>"
                    "<li>promote themselves together in Poland and abroad,</li>"
                    "<li>share what they know at workshops and meetings.</li></ul>",
                    "pl": "<p>W klastrze członkowie:</p><ul><li>przygotowują wspólne oferty i projekty,</li>"
                    "<li>razem promują się w kraju i za granicą,</li>"
                    "<li>dzielą się wiedzą podczas warsztatów i spotkań.</li></ul>",
                },
            ),
            (
                "quote",
                {
                    "text": {
                        "en": "Together we can afford what none of our companies could manage alone.",
                        "pl": "Razem stać nas na to, czego żadna z naszych firm nie udźwignęłaby w pojedynkę.",
                    },
                    "attribute_name": {"en": "The cluster's members", "pl": "Członkowie klastra"},
                },
            ),
        ],
        "address": {
            "en": "ul. Przykładowa 1\n40-000 Katowice\nPoland",
            "pl": "ul. Przykładowa 1\n40-000 Katowice",
        },
        "email": "biuro@multimedia.example.pl",
        "phone": "+48 32 000 00 00",
    },
    "call_to_action": {
        "heading": {"en": "Let's work together", "pl": "Działajmy razem"},
        "text": {
            "en": "Tell us about your idea or ask how to join the cluster.",
            "pl": "Opowiedz nam o swoim pomyśle albo zapytaj, jak dołączyć do klastra.",
        },
        "button_label": {"en": "Contact us", "pl": "Napisz do nas"},
    },
    "news_index": {
        "title": {"en": "News", "pl": "Aktualności"},
        "intro": {
            "en": "Projects, events and successes of the Silesian Multimedia Cluster and its members.",
            "pl": "Projekty, wydarzenia i sukcesy Śląskiego Klastra Multimedialnego i jego członków.",
        },
    },
    "news": [
        {
            # The newest item: English only, waiting for its translator.
            "days_ago": 9,
            "image": {
                "title": "Illustration: partners wanted for an educational mobile app",
                "kind": "news",
                "colours": ("#1b8a8f", "#8e5cc4"),
                "label": "SMC",
            },
            "page": {
                "title": {"en": "Partners wanted for an educational mobile app"},
                "summary": {
                    "en": "Two members are preparing an app that teaches local history through short videos "
                    "and games. They are looking for illustrators, teachers and testers."
                },
                "body": [
                    (
                        "paragraph",
                        {
                            "en": "<p>The app will guide pupils through the history of their town with short "
                            "videos, quizzes and a map game. The first version is planned for the next school "
                            "year.</p><p>Companies and schools that would like to take part can write to the "
                            "cluster office through the contact form.</p>"
                        },
                    ),
                ],
                "tags": ["multimedia", "EdTech"],
            },
        },
        {
            "days_ago": 38,
            "image": {
                "title": "Illustration: workshop on accessible video",
                "kind": "news",
                "colours": ("#5b2d90", "#e0a340"),
                "label": "SMC",
            },
            "page": {
                "title": {
                    "en": "Workshop: accessible video for everyone",
                    "pl": "Warsztaty: wideo dostępne dla wszystkich",
                },
                "summary": {
                    "en": "Members learned how to add captions, audio description and sign-language "
                    "interpreting to their video productions.",
                    "pl": "Członkowie klastra uczyli się, jak dodawać do swoich produkcji wideo napisy, "
                    "audiodeskrypcję i tłumaczenie na język migowy.",
                },
                "body": [
                    (
                        "paragraph",
                        {
                            "en": "<p>Accessible video reaches more viewers and is increasingly required in "
                            "public tenders. During the one-day workshop, participants captioned a short film, "
                            "wrote an audio description and discussed the requirements of WCAG.</p>",
                            "pl": "<p>Dostępne wideo dociera do większej liczby widzów i coraz częściej jest "
                            "wymagane w zamówieniach publicznych. Podczas jednodniowych warsztatów uczestnicy "
                            "przygotowali napisy do krótkiego filmu, napisali audiodeskrypcję i omówili "
                            "wymagania WCAG.</p>",
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": {
                                "en": "Accessibility is easiest when you plan it from the first storyboard.",
                                "pl": "O dostępność najłatwiej zadbać już przy pierwszym scenorysie.",
                            },
                            "attribute_name": {"en": "Workshop trainer", "pl": "Prowadzący warsztaty"},
                        },
                    ),
                ],
                "tags": ["WCAG", "multimedia"],
            },
        },
        {
            "days_ago": 74,
            "image": {
                "title": "Illustration: the cluster's joint stand at a trade fair",
                "kind": "news",
                "colours": ("#3b1f66", "#d95d79"),
                "label": "SMC",
            },
            "page": {
                "title": {
                    "en": "A joint stand at an international trade fair",
                    "pl": "Wspólne stoisko na międzynarodowych targach",
                },
                "summary": {
                    "en": "Six member companies presented their services under the cluster's banner and "
                    "shared the cost of the stand.",
                    "pl": "Sześć firm członkowskich zaprezentowało swoje usługi pod szyldem klastra "
                    "i podzieliło się kosztami stoiska.",
                },
                "body": [
                    (
                        "paragraph",
                        {
                            "en": "<p>A stand at a large fair is beyond the budget of most small studios. "
                            "Together, our members could afford one – and held more than forty meetings with "
                            "potential clients in three days.</p>",
                            "pl": "<p>Stoisko na dużych targach przekracza budżet większości małych studiów. "
                            "Wspólnie nasi członkowie mogli sobie na nie pozwolić – i w trzy dni odbyli ponad "
                            "czterdzieści spotkań z potencjalnymi klientami.</p>",
                        },
                    ),
                ],
                "tags": ["ICT", "B2B"],
            },
        },
        {
            "days_ago": 112,
            "image": {
                "title": "Illustration: new members join the cluster",
                "kind": "news",
                "colours": ("#1b8a8f", "#3b1f66"),
                "label": "SMC",
            },
            "page": {
                "title": {"en": "Three new members join the cluster", "pl": "Trzech nowych członków klastra"},
                "summary": {
                    "en": "A game studio, a video production company and a training centre have joined the "
                    "Silesian Multimedia Cluster.",
                    "pl": "Do Śląskiego Klastra Multimedialnego dołączyli: studio gier, firma produkująca "
                    "wideo i ośrodek szkoleniowy.",
                },
                "body": [
                    (
                        "paragraph",
                        {
                            "en": "<p>The new members bring experience in interactive storytelling, live "
                            "streaming and e-learning. We welcome them and look forward to the first joint "
                            "projects.</p>",
                            "pl": "<p>Nowi członkowie wnoszą doświadczenie w interaktywnym opowiadaniu "
                            "historii, transmisjach na żywo i e-learningu. Witamy ich serdecznie i czekamy na "
                            "pierwsze wspólne projekty.</p>",
                        },
                    ),
                ],
                "tags": ["ICT", "Katowice"],
            },
        },
    ],
    "contact": {
        "title": {"en": "Contact", "pl": "Kontakt"},
        "intro": {
            "en": "<p>Would you like to join the cluster, propose a project or ask about our work? Write to us – "
            "we usually reply within a few working days.</p>",
            "pl": "<p>Chcesz dołączyć do klastra, zaproponować projekt albo zapytać o nasze działania? Napisz do "
            "nas – zwykle odpowiadamy w ciągu kilku dni roboczych.</p>",
        },
        "thank_you_text": {
            "en": "<p>Thank you for your message. We will get back to you soon.</p>",
            "pl": "<p>Dziękujemy za wiadomość. Wkrótce się odezwiemy.</p>",
        },
        "to_address": "biuro@multimedia.example.pl",
        "from_address": "no-reply@multimedia.example.pl",
        "subject": {
            "en": "Message from the Silesian Multimedia Cluster website",
            "pl": "Wiadomość ze strony Śląskiego Klastra Multimedialnego",
        },
        "form_fields": contact_form_fields(
            {
                "en": "Membership\nJoint project\nEvents and training\nOther",
                "pl": "Członkostwo\nWspólny projekt\nWydarzenia i szkolenia\nInne",
            }
        ),
    },
}

# The Silesian Cluster of Revitalisation and Environmental Technologies writes in Polish first.
EKOPARK = {
    "source": "pl",
    "sector": "environment",
    "logo": {
        "title": "Logo klastra EkoPark: napis EkoPark w białym okręgu na zielonym tle",
        "kind": "logo",
        "colours": ("#6fbf73", "#1f5e3a"),
        "label": "EkoPark",
    },
    "hero_image": {
        "title": "Baner: półprzezroczyste koła na tle przechodzącym od zieleni do błękitu",
        "kind": "hero",
        "colours": ("#1f5e3a", "#3f8fbf"),
        "label": "EkoPark",
    },
    "page": {
        "title": {
            "pl": "Śląski Klaster Rewitalizacji i Technologii Środowiskowych",
            "en": "Silesian Cluster of Revitalisation and Environmental Technologies",
        },
        "short_name": {"pl": "Klaster EkoPark", "en": "EkoPark Cluster"},
        "tagline": {
            "pl": "Wspólne rozwiązania dla środowiska z Piekar Śląskich",
            "en": "Joint solutions for the environment from Piekary Śląskie",
        },
        "accent_colour": "#2e7d4f",
        "vision": {
            "pl": "<p>Widzimy Piekary Śląskie jako miejsce, w którym firmy, nauka i samorząd wspólnie "
            "rozwiązują problemy środowiskowe regionu, a zdegradowane tereny odzyskują nowe życie.</p>",
            "en": "<p>We see Piekary Śląskie as a place where businesses, science and local government solve the "
            "region's environmental problems together, and where degraded land is brought back to life.</p>",
        },
        "mission": {
            "pl": "<p>Łączymy przedsiębiorstwa i instytucje wokół konkretnych problemów środowiskowych. Dajemy "
            "im dostęp do wykwalifikowanych pracowników i do kontaktów w ramach Platformy Środowiskowej, aby "
            "razem szybciej znajdowały skuteczne rozwiązania.</p>",
            "en": "<p>We bring companies and institutions together around specific environmental problems. We give "
            "them access to skilled staff and to the contacts of the Environmental Platform, so that together "
            "they find effective solutions sooner.</p>",
        },
        "main_objective": {
            "pl": "<p>Głównym celem klastra jest wspieranie współpracy między jego uczestnikami. Z czasem ma ona "
            "doprowadzić do wspólnego przedsięwzięcia, które zajmie się rozwiązywaniem problemów "
            "środowiskowych.</p>",
            "en": "<p>The cluster's main goal is to foster cooperation between its participants. In time, this "
            "cooperation should lead to a joint venture dedicated to solving environmental problems.</p>",
        },
        # The three points of the economic policy that EkoPark's authorities have set out to pursue.
        "objectives": [
            {
                "text": {
                    "pl": "Promowanie i wspieranie sieci współpracy i partnerstw jako podstawy rozwoju "
                    "technologii środowiskowych",
                    "en": "Promoting and supporting cooperation networks and partnerships as the foundation "
                    "for developing environmental technologies",
                }
            },
            {
                "text": {
                    "pl": "Podkreślanie, jak ważne jest tworzenie i wykorzystywanie wiedzy przy rozwiązywaniu "
                    "problemów środowiskowych",
                    "en": "Showing how much creating and applying knowledge matters in solving environmental problems",
                }
            },
            {
                "text": {
                    "pl": "Skupianie środków, koordynowanie działań i gromadzenie specjalistów wokół wybranych "
                    "zagadnień",
                    "en": "Pooling resources, coordinating activities and bringing specialists together around "
                    "selected issues",
                }
            },
        ],
        "body": [
            (
                "heading",
                {
                    "heading_text": {
                        "pl": "Dlaczego firmy w klastrach są bardziej innowacyjne",
                        "en": "Why companies in clusters are more innovative",
                    },
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                {
                    "pl": "<p>Przedsiębiorstwa działające w klastrach wprowadzają innowacje częściej niż "
                    "podobne firmy spoza nich. Mają dostęp do wykwalifikowanych ludzi i świeżego spojrzenia, "
                    "wymieniają się poglądami i doświadczeniami z innymi podmiotami, a wyspecjalizowane "
                    "instytucje w pobliżu przyspieszają uczenie się – zarówno pojedynczych firm, jak i całej "
                    "grupy.</p>"
                    "<p>Współpraca pozwala szybciej sprawdzać nowe rozwiązania i rozwijać platformy otwartej "
                    "innowacji. Regularny przepływ informacji i żywe kontakty między ludźmi rodzą nowe pomysły, "
                    "a ponieważ potrzebne zasoby są pod ręką, rozpoznane problemy udaje się rozwiązać "
                    "szybciej.</p>",
                    "en": "<p>Companies that work in clusters innovate more often than similar firms outside "
                    "them. They have access to skilled people and fresh perspectives, exchange views and "
                    "experience with other organisations, and specialised institutions nearby speed up learning "
                    "– for individual firms and for the group as a whole.</p>"
                    "<p>Cooperation makes it quicker to test new solutions and helps open-innovation platforms "
                    "grow. A steady flow of information and lively contacts between people generate new ideas, "
                    "and because the resources needed are close at hand, the problems identified are solved "
                    "sooner.</p>",
                },
            ),
            (
                "heading",
                {
                    "heading_text": {
                        "pl": "Co oznacza członkostwo w klastrze",
                        "en": "What membership of the cluster means",
                    },
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                {
                    "pl": "<p>Członkostwo w klastrze to coś więcej niż udział w spotkaniach. Chodzi o wspólną "
                    "wizję i wspólne osiąganie celów gospodarczych – własnych celów każdego członka i celów "
                    "całego klastra.</p>"
                    "<p>Klaster skupia firmy i instytucje, które mierzą się z podobnymi wyzwaniami, dostrzegają "
                    "podobne problemy i postanawiają działać razem. Jego siłą jest łączenie różnych środowisk "
                    "wokół konkretnych problemów, które wymagają dobrego rozwiązania. Firmy z Piekar Śląskich, "
                    "które współtworzą klaster, same pomagają te problemy rozpoznać i utożsamiają się "
                    "z wypracowanymi rozwiązaniami.</p>",
                    "en": "<p>Membership of the cluster is more than attending meetings. It means sharing a "
                    "vision and reaching business goals together – each member's own goals and those of the "
                    "cluster as a whole.</p>"
                    "<p>The cluster brings together companies and institutions that face similar challenges, "
                    "see similar problems and decide to act together. Its strength lies in uniting different "
                    "communities around specific problems that need a sound solution. The businesses from "
                    "Piekary Śląskie that make up the cluster help to identify these problems themselves and "
                    "stand behind the solutions worked out together.</p>",
                },
            ),
        ],
        "address": {
            "pl": "ul. Przykładowa 2\n41-940 Piekary Śląskie",
            "en": "ul. Przykładowa 2\n41-940 Piekary Śląskie\nPoland",
        },
        "email": "biuro@ekopark.example.pl",
        "phone": "+48 32 000 00 01",
    },
    "call_to_action": {
        "heading": {"pl": "Masz pytanie? Chętnie odpowiemy", "en": "Any questions? We are happy to help"},
        "text": {
            "pl": "Napisz do nas, jeśli chcesz dołączyć do klastra albo zaproponować wspólne przedsięwzięcie.",
            "en": "Write to us if you would like to join the cluster or propose a joint venture.",
        },
        "button_label": {"pl": "Skontaktuj się z nami", "en": "Get in touch"},
    },
    "news_index": {
        "title": {"pl": "Aktualności", "en": "News"},
        "intro": {
            "pl": "Co nowego w klastrze EkoPark: spotkania, projekty i wspólne inicjatywy.",
            "en": "What is new in the EkoPark Cluster: meetings, projects and joint initiatives.",
        },
    },
    "news": [
        {
            # The newest item: Polish only, waiting for its translator.
            "days_ago": 16,
            "image": {
                "title": "Ilustracja: grupa robocza do spraw retencji wody",
                "kind": "news",
                "colours": ("#3f8fbf", "#1f5e3a"),
                "label": "EkoPark",
            },
            "page": {
                "title": {"pl": "Szukamy firm do grupy roboczej o retencji wody"},
                "summary": {
                    "pl": "Klaster tworzy grupę roboczą, która przygotuje wspólny projekt zatrzymywania wody "
                    "deszczowej na terenach poprzemysłowych. Zgłoszenia przyjmujemy do końca miesiąca."
                },
                "body": [
                    (
                        "paragraph",
                        {
                            "pl": "<p>Zapraszamy firmy projektowe, wykonawców i uczelnie, które zajmują się "
                            "gospodarką wodną. Pierwsze spotkanie grupy odbędzie się w siedzibie klastra.</p>"
                            "<p>Zgłoszenia prosimy wysyłać przez formularz kontaktowy.</p>"
                        },
                    ),
                ],
                "tags": ["EkoPark", "Piekary Śląskie"],
            },
        },
        {
            "days_ago": 47,
            "image": {
                "title": "Ilustracja: warsztaty o wspólnych projektach środowiskowych",
                "kind": "news",
                "colours": ("#2e7d4f", "#e0c040"),
                "label": "EkoPark",
            },
            "page": {
                "title": {
                    "pl": "Warsztaty: jak łączyć siły w projektach środowiskowych",
                    "en": "Workshop: joining forces in environmental projects",
                },
                "summary": {
                    "pl": "Przedstawiciele firm i instytucji ćwiczyli, jak wspólnie przygotować projekt "
                    "i podzielić się zadaniami.",
                    "en": "Representatives of companies and institutions practised preparing a project together "
                    "and sharing out the tasks.",
                },
                "body": [
                    (
                        "paragraph",
                        {
                            "pl": "<p>Uczestnicy pracowali w małych zespołach nad przykładowym projektem "
                            "oczyszczenia zdegradowanego terenu. Okazało się, że najwięcej czasu zajmuje "
                            "uzgodnienie wspólnego celu – potem praca idzie znacznie szybciej.</p>",
                            "en": "<p>Participants worked in small teams on a sample project to clean up a "
                            "degraded site. It turned out that agreeing on a common goal takes the most time – "
                            "after that, the work goes much faster.</p>",
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": {
                                "pl": "Każdy z nas znał fragment problemu. Dopiero razem zobaczyliśmy całość.",
                                "en": "Each of us knew part of the problem. Only together did we see all of it.",
                            },
                            "attribute_name": {"pl": "Uczestniczka warsztatów", "en": "Workshop participant"},
                        },
                    ),
                ],
                "tags": ["EkoPark"],
            },
        },
        {
            "days_ago": 83,
            "image": {
                "title": "Ilustracja: pierwsze spotkanie partnerów Platformy Środowiskowej",
                "kind": "news",
                "colours": ("#1f5e3a", "#6fbf73"),
                "label": "EkoPark",
            },
            "page": {
                "title": {
                    "pl": "Platforma Środowiskowa: pierwsze spotkanie partnerów",
                    "en": "Environmental Platform: the partners' first meeting",
                },
                "summary": {
                    "pl": "Firmy, uczelnie i samorząd rozmawiały o tym, jak Platforma Środowiskowa ma łączyć "
                    "pracodawców z wykwalifikowanymi specjalistami.",
                    "en": "Companies, universities and local government discussed how the Environmental "
                    "Platform should connect employers with skilled specialists.",
                },
                "body": [
                    (
                        "paragraph",
                        {
                            "pl": "<p>Partnerzy uzgodnili, że platforma zacznie od wspólnej bazy ofert staży "
                            "i kalendarza szkoleń. Kolejne spotkanie poświęcimy projektom badawczym.</p>",
                            "en": "<p>The partners agreed that the platform will start with a shared list of "
                            "internships and a training calendar. The next meeting will be about research "
                            "projects.</p>",
                        },
                    ),
                ],
                "tags": ["EkoPark", "Piekary Śląskie"],
            },
        },
        {
            "days_ago": 128,
            "image": {
                "title": "Ilustracja: początek działalności klastra w Piekarach Śląskich",
                "kind": "news",
                "colours": ("#3f8fbf", "#2e7d4f"),
                "label": "EkoPark",
            },
            "page": {
                "title": {
                    "pl": "Klaster w Piekarach Śląskich rozpoczyna pracę",
                    "en": "The cluster in Piekary Śląskie gets to work",
                },
                "summary": {
                    "pl": "Pierwsi członkowie podpisali porozumienie o współpracy i wybrali tematy, którymi "
                    "klaster zajmie się w pierwszym roku.",
                    "en": "The first members signed a cooperation agreement and chose the topics the cluster "
                    "will take on in its first year.",
                },
                "body": [
                    (
                        "paragraph",
                        {
                            "pl": "<p>Na początek klaster skupi się na rewitalizacji terenów poprzemysłowych "
                            "i na gospodarce odpadami. Zapraszamy kolejne firmy i instytucje, które chcą "
                            "rozwiązywać te problemy razem z nami.</p>",
                            "en": "<p>To begin with, the cluster will focus on revitalising post-industrial "
                            "land and on waste management. We invite more companies and institutions that want "
                            "to tackle these problems with us.</p>",
                        },
                    ),
                ],
                "tags": ["EkoPark"],
            },
        },
    ],
    "contact": {
        "title": {"pl": "Kontakt", "en": "Contact"},
        "intro": {
            "pl": "<p>Masz pytanie o klaster, członkostwo albo wspólny projekt? Napisz do nas – odpowiemy "
            "najszybciej, jak to możliwe.</p>",
            "en": "<p>Do you have a question about the cluster, membership or a joint project? Write to us – we "
            "will reply as soon as we can.</p>",
        },
        "thank_you_text": {
            "pl": "<p>Dziękujemy! Twoja wiadomość do nas dotarła.</p>",
            "en": "<p>Thank you! Your message has reached us.</p>",
        },
        "submit_label": {"pl": "Wyślij pytanie", "en": "Send your question"},
        "to_address": "biuro@ekopark.example.pl",
        "from_address": "no-reply@ekopark.example.pl",
        "subject": {"pl": "Wiadomość ze strony klastra EkoPark", "en": "Message from the EkoPark Cluster website"},
        "form_fields": contact_form_fields(
            {
                "pl": "Członkostwo\nWspółpraca przy projekcie\nTereny do rewitalizacji\nInne",
                "en": "Membership\nProject cooperation\nSites for revitalisation\nOther",
            }
        ),
    },
}

CLUSTERS = [MULTIMEDIA, EKOPARK]

# The portal-wide news listing under each home page: every cluster's news in one language.
NEWS_HUB = {
    "title": {"pl": "Aktualności", "en": "News"},
    "intro": {
        "pl": "Wiadomości ze wszystkich klastrów portalu: projekty, wydarzenia i sukcesy ich członków.",
        "en": "News from all the portal's clusters: projects, events and their members' successes.",
    },
}

PORTAL_CONTACT = {
    "title": {"pl": "Kontakt", "en": "Contact"},
    "intro": {
        "pl": "<p>Masz pytanie o portal albo chcesz, aby przedstawił się na nim Twój klaster? Napisz do nas.</p>",
        "en": "<p>Do you have a question about the portal, or would you like your cluster to appear on it? "
        "Write to us.</p>",
    },
    "thank_you_text": {
        "pl": "<p>Dziękujemy za wiadomość. Odpowiemy w ciągu kilku dni roboczych.</p>",
        "en": "<p>Thank you for your message. We will reply within a few working days.</p>",
    },
    "to_address": "kontakt@klastry.example.pl",
    "from_address": "no-reply@klastry.example.pl",
    "subject": {"pl": "Wiadomość z portalu Klastry Śląska", "en": "Message from the Silesian Clusters portal"},
    "form_fields": contact_form_fields(
        {
            "pl": "Portal\nNowy klaster na portalu\nWspółpraca z klastrami\nInne",
            "en": "The portal\nA new cluster on the portal\nWorking with the clusters\nOther",
        }
    ),
}

# The privacy notice every contact form's consent checkbox links to (contact.PrivacyNoticePage).
PRIVACY_NOTICE = {
    "title": {"pl": "Informacja o prywatności", "en": "Privacy notice"},
    "slug": {"pl": "informacja-o-prywatnosci", "en": "privacy-notice"},
    "text": {
        "pl": "<h2>Kto przetwarza Twoje dane</h2>"
        "<p>Administratorem danych podanych w formularzach kontaktowych jest klaster, do którego piszesz, "
        "a w przypadku formularza portalu – Klastry Śląska (kontakt@klastry.example.pl).</p>"
        "<h2>Po co i jak długo</h2>"
        "<p>Twoje imię, adres e-mail i wiadomość wykorzystujemy wyłącznie po to, aby odpowiedzieć na Twoją "
        "wiadomość (art. 6 ust. 1 lit. a RODO). Przechowujemy je najwyżej 24 miesiące, potem są usuwane.</p>"
        "<h2>Twoje prawa</h2>"
        "<p>Możesz w każdej chwili wycofać zgodę, zażądać wglądu w swoje dane, ich poprawienia lub usunięcia, "
        "pisząc na kontakt@klastry.example.pl. Masz też prawo wnieść skargę do Prezesa UODO.</p>",
        "en": "<h2>Who processes your data</h2>"
        "<p>The data you enter in a contact form is controlled by the cluster you write to, or, for the "
        "portal's own form, by Silesian Clusters (kontakt@klastry.example.pl).</p>"
        "<h2>Why and for how long</h2>"
        "<p>We use your name, e-mail address and message only to answer your message (Article 6(1)(a) "
        "GDPR). We keep them for at most 24 months, after which they are deleted.</p>"
        "<h2>Your rights</h2>"
        "<p>You may withdraw your consent at any time and ask to see, correct or erase your data by writing "
        "to kontakt@klastry.example.pl. You may also complain to the Polish data protection authority (UODO).</p>",
    },
}
