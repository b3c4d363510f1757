"""Entity mentions, resolution and alias files: one test (or parametrized row) per rule."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.entities import AliasTable, Resolution, extract_mentions, load_aliases, resolve
from kg.errors import InputError
from kg.model import Mention, NamedSpan


def mention(text: str, kind: str, article: str = "a.txt", start: int = 0, subtype: str | None = None) -> Mention:
    return Mention(article, start, start + len(text), text, kind, subtype)


def mentions_in(*rows: tuple) -> list[Mention]:
    """Mentions laid out one after another, ``(text, kind[, article[, subtype]])`` per row."""
    found, offsets = [], {}
    for row in rows:
        text, kind, *rest = row
        article = rest[0] if rest else "a.txt"
        subtype = rest[1] if len(rest) > 1 else None
        start = offsets.get(article, 0)
        found.append(mention(text, kind, article, start, subtype))
        offsets[article] = start + len(text) + 10
    return found


def entity_of(resolution: Resolution, text: str, article: str = "a.txt") -> str:
    return next(key for m, key in resolution.key_of.items() if m.text == text and m.article_id == article)


def together(resolution: Resolution, a: tuple[str, str], b: tuple[str, str]) -> bool:
    return entity_of(resolution, *a) == entity_of(resolution, *b)


# --- extraction --------------------------------------------------------------


def found(parse_text, text: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.kind, m.subtype) for m in extract_mentions(parse_text(text))}


def test_entities_extend_name_to_facility_head(parse_text):
    got = found(parse_text, "Gunmen attacked the Karvolo prison in Dalminster on Monday, officials said.")
    assert got["Karvolo prison"] == ("Place", "Prison")


def test_entities_drop_article_and_possessive(parse_text):
    texts = [m.text for m in extract_mentions(parse_text("The United Nations' envoy met the International Red Cross's staff."))]
    assert "United Nations" in texts
    assert not any(t.startswith("The ") or t.endswith("'s") or t.endswith("'") for t in texts)


def test_entities_nationality_adjective_is_not_an_entity(parse_text):
    texts = [m.text for m in extract_mentions(parse_text("Iraqi and Kurdish-led forces met French officials in Paris."))]
    assert not {"Iraqi", "Kurdish", "French"} & set(texts)
    assert "Paris" in texts


def test_entities_a_nationality_in_the_plural_is_no_name_but_a_country_is(parse_text):
    text = "Each side handed over the guards it had detained: nine Tajiks and seven Kyrgyz crossed on Monday."
    assert "Tajiks" not in found(parse_text, text)
    assert found(parse_text, "Troops landed in the Philippines on Monday.").get("Philippines", ("",))[0] == "Place"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Fighting spread to the northern city of Dalminster on Monday.", "Dalminster", ("Place", "City")),
        ("BELGRAVO, Lebanon - Officials said the talks failed.", "Belgravo", ("Place", "City")),
        ("The Freedonian Democratic Forces said they held the town.", "Freedonian Democratic Forces", ("Organization", None)),
        ("Officials from Syria met on Monday.", "Syria", ("Place", "Country")),
    ],
)
def test_entities_fix_label_with_head_noun_and_context(parse_text, text, name, expected):
    assert found(parse_text, text)[name] == expected


def test_entities_club_named_after_place_is_an_organisation(parse_text):
    got = found(parse_text, "Tarnwick United beat their rivals 2-1 in Tarnwick, England, on Saturday.")
    assert got["Tarnwick United"] == ("Organization", None)


def test_entities_employer_of_a_profession_is_an_organisation_throughout(parse_text):
    text = ("Dalbury City won on Saturday. Fans of Dalbury City cheered.\n\n"
            "Lind, a Swedish forward of Dalbury City, scored twice.")
    mentions = [m for m in extract_mentions(parse_text(text)) if m.text == "Dalbury City"]
    assert mentions and {m.kind for m in mentions} == {"Organization"}


def test_entities_common_noun_opening_a_sentence_is_not_a_person(parse_text):
    got = found(parse_text, "Attendance was high, officials in Lisbon said.")
    assert "Attendance" not in got and "Lisbon" in got


def test_entities_legal_form_after_a_name_joins_it(parse_text):
    got = found(parse_text, "Velcor Holdings LLC bought the plant on Monday.")
    assert got["Velcor Holdings LLC"] == ("Organization", None)


def test_entities_company_name_without_legal_form_is_found_and_joined(parse_text):
    parsed = parse_text("Tarvik AB makes coffee. Tarvik, based in Dalminster, employs 400 people.")
    mentions = extract_mentions(parsed)
    assert [m.text for m in mentions if m.kind == "Organization"] == ["Tarvik AB", "Tarvik"]
    resolution = resolve(mentions)
    assert together(resolution, ("Tarvik AB", "test.txt"), ("Tarvik", "test.txt"))


def test_entities_surname_the_model_missed_is_found_and_joined(parse_text):
    parsed = parse_text("The mayor took money from builder Dale Morrow.\n\nMorrow, who pleaded guilty, waits.")
    mentions = extract_mentions(parsed)
    assert [m.text for m in mentions if m.kind == "Person"] == ["Dale Morrow", "Morrow"]
    assert together(resolve(mentions), ("Dale Morrow", "test.txt"), ("Morrow", "test.txt"))


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("The Dalminster Quality Authority (DQA) reported on Monday.", "Dalminster Quality Authority", ("Organization", None)),
    ("It is a Lyon-based medical charity.", "Lyon", ("Place", None)),
    ("The train was travelling from Ostrava to Huesca on Monday.", "Huesca", ("Place", None)),
    ("Pueyo's lawyer, Beatriz Sancho, said her client would appeal.", "Beatriz Sancho", ("Person", None)),
    ("The train was run by Trenes del Ebro SA, officials said.", "Trenes del Ebro SA", ("Organization", None)),
    ("Police arrested the coach in the western town of Eldoret on Friday.", "Eldoret", ("Place", "City")),
    ("The tanker ran aground off Teluk Sirih in Pantaro state on Monday.", "Pantaro", ("Place", None)),
    ("A cyclone tore across Fiji's second-largest island, Vanua Levu, late Sunday.", "Vanua Levu", ("Place", None)),
    ("Fighters of Ansar al-Rovuma, a group that has waged an insurgency, attacked.", "Ansar al-Rovuma", ("Organization", None)),
    ("Local officials suspect the Mai-Mai Kyavirimu, a militia that has kidnapped traders since last year.",
     "Mai-Mai Kyavirimu", ("Organization", None)),
    ("Mohamed Sesay, a battalion commander, was arrested.", "Mohamed Sesay", ("Person", None)),
    ("The National Search and Rescue Agency (Basarnas) said on Monday.", "Basarnas", ("Organization", None)),
    ("Nasrin Akter, a 24-year-old machine operator, said the alarm sounded.", "Nasrin Akter", ("Person", None)),
    ("Catalin Dobre, 51, was detained at his home in Campina late on Wednesday.", "Catalin Dobre", ("Person", None)),
    ("The case was nearly derailed when Arnel Quiambao, a former public works undersecretary who had agreed to "
     "testify, was shot dead outside his home in Pasig.", "Arnel Quiambao", ("Person", None)),
    ("The hospital was hit, health ministry spokeswoman Tereza Novotná said on Friday.", "Tereza Novotná", ("Person", None)),
    ("Boats on Lake Malawi, which the country shares with its neighbours, stayed in port.", "Lake Malawi", ("Place", None)),
    ("The trouble began after Real Ibagué scored a winner to beat Club Cafeteros del Quindío 2-1 at the stadium.",
     "Club Cafeteros del Quindío", ("Organization", None)),
    ("Inmates attacked guards at Kafetu Correctional Institution in Goroka on Saturday.", "Kafetu Correctional Institution",
     ("Place", "Prison")),
    ("The Grijalva burst its banks early Wednesday, flooding the Gaviotas neighborhood of Villahermosa.", "Gaviotas",
     ("Place", "City")),
    ("The clash broke out on the border between Thailand's Surin province and Cambodia's Oddar Meanchey province.",
     "Oddar Meanchey", ("Place", "Region")),
    ("Two carriages rolled down an embankment, said a spokesman for the General Inspectorate for Emergency Situations.",
     "General Inspectorate for Emergency Situations", ("Organization", None)),
    ("Mud swept onto El Guacharal, a village of about 300 people.", "El Guacharal", ("Place", "City")),
    ("\"It is gone,\" said Sakiusa Naivalu, a village chief near the coast.", "Sakiusa Naivalu", ("Person", None)),
    # A landmark's noun ending a name makes a place whatever the model took it for.
    ("Costa Rica's Irazúl Volcano erupted on Wednesday, killing a ranger.", "Irazúl Volcano", ("Place", None)),
    ("The middle span of the Varnek Bridge in Sieradek fell into the river.", "Varnek Bridge", ("Place", "Facility")),
    ("Protesters had gathered on Ala-Kul Square in central Osh on Tuesday.", "Ala-Kul Square", ("Place", "Facility")),
    ("Ranger Esteban Morales, 38, died in the ash.", "Esteban Morales", ("Person", None)),
    # A country's possessive before a body's name is the country's, not part of the name.
    ("Ram Gurung, a spokesman for Nepal's Department of Tourism, said the climbers were asleep.",
     "Department of Tourism", ("Organization", None)),
    ("The suspects will be handed over to authorities in the Seychelles for trial.", "Seychelles", ("Place", "Country")),
    # A surname taken for a place, after a given name and before a post, is a person's.
    ("Residents fled to shelters, said Alejandro Picado, president of the National Emergency Commission.",
     "Alejandro Picado", ("Person", None)),
    # A person's name the model split before a patronymic particle is one name.
    ("Peace will return, said Colonel Ahmed Salem Ould Boya, a spokesman for the army.", "Ahmed Salem Ould Boya",
     ("Person", None)),
    # A club or company noun right before a name, or a club's prefix the model left out, makes it a body.
    ("Argentine club Ribera Sur sacked its coach on Monday.", "Ribera Sur", ("Organization", None)),
    ("The board met on Monday. Club Atlético Ribera Sur, which is based in Rosario, lies 24th.",
     "Club Atlético Ribera Sur", ("Organization", None)),
    # A capitalised title before a name the model took for a body names a person; a body's name the
    # model cut after "for" goes on.
    ("Magistrate Winnie Akello granted him bail.", "Winnie Akello", ("Person", None)),
    ("Defence Ministers Anurak Srisuk and Sok Vannara met for five hours on Tuesday.", "Anurak Srisuk", ("Person", None)),
    ("The inspectors, who work for the State Agency for Dam Safety, were charged.", "State Agency for Dam Safety",
     ("Organization", None)),
    # A name ending in "No." goes on over its number; a stadium is a place.
    ("He collapsed in his cell at Prison No. 19 in Rustavi.", "Prison No. 19", ("Place", "Facility")),
    ("Fans were crushed at the gate of the Lat Dior Stadium in Thiès.", "Lat Dior Stadium", ("Place", "Facility")),
    ("About 300 residents blocked the Pan-American Highway for four hours.", "Pan-American Highway", ("Place", None)),
    # A name the model took for a law before a party's noun is an organisation.
    ("Radonjić, 48, who leads the Civic Dawn party, had just finished speaking.", "Civic Dawn", ("Organization", None)),
    # "a man from X": where people come from is a place.
    ("Prosecutors named the suspect as Darko Lalević, an unemployed man from Bijelo Polje.", "Bijelo Polje", ("Place", None)),
    # An age after a name makes a person, even after a settlement noun and a comma.
    ("In Blantyre's Ndirande township, Chisomo Phiri, 23, was shot in the chest.", "Chisomo Phiri", ("Person", None)),
    # An appositive headed by a facility noun makes a place of that kind, past a nationality.
    ("The two presidents signed the deal at the Akorda, the Kazakh presidential palace, on Monday.", "Akorda",
     ("Place", "Facility")),
    # A name after a compass point and "of" is a place; a rank without its full stop is no part of a name.
    ("The coastguard intercepted a boat south of Crete early on Monday.", "Crete", ("Place", None)),
    ("The boat was seized, said Lt Cdr Yannis Papadakis, a coastguard spokesman.", "Yannis Papadakis", ("Person", None)),
    # Two proper nouns the model left untagged after a capitalised title are a person's name.
    ("The director resigned on Monday. Interior Minister Ana Perović said an inquiry would report.", "Ana Perović",
     ("Person", None)),
    # The words before a company's head noun, named alone, are that company.
    ("He founded his own label, Adom Sound Records, in 2016. Adom Sound's general manager, Kojo Frimpong, said so.",
     "Adom Sound", ("Organization", None)),
    # A company's name split at a connector of another language is one name, whichever part the model tagged.
    ("The blast tore open the line run by Gasoducto Andino del Sur S.A. (GADS) near San Clemente.",
     "Gasoducto Andino del Sur S.A.", ("Organization", None)),
    # ... and so is one described as a park, whatever the model called it.
    ("The small drone appeared above Galle Face Green, a seafront park in central Colombo, on Tuesday.",
     "Galle Face Green", ("Place", None)),
    # A dam is a place, whatever the model called it.
    ("The Daboya Dam began releasing water late on Saturday, the operator said.", "Daboya Dam", ("Place", "Facility")),
    # A mine named before its noun is a place; a body's name with "Mine" in it stays a body.
    ("A rock burst struck at the Wrzos mine in Rybnik, a city in the Silesia region.", "Wrzos mine", ("Place", "Facility")),
    # A hospital the model took for a person is an organisation.
    ("His driver was moved to Korle Bu Teaching Hospital in Accra.", "Korle Bu Teaching Hospital", ("Organization", None)),
    # A proper noun the model left untagged after a locative preposition is a place.
    ("An injured worker died in a hospital in Miskolc on Tuesday night.", "Miskolc", ("Place", None)),
    # Central European legal forms.
    ("The blast hit a plant run by Tisza Polymers Zrt. on Monday.", "Tisza Polymers Zrt", ("Organization", None)),
    # A body's noun in lower case after a name describes it, as a settlement noun does.
    ("Katrin Voss, leader of the opposition People's Voice party, spoke.", "People's Voice", ("Organization", None)),
    # An appositive headed past its possessor says what a name is.
    ("Crowds gathered after the Jogorku Kenesh, the country's parliament, approved the deal.", "Jogorku Kenesh",
     ("Organization", None)),
    ("Crowds rallied outside the Seimar Palace in Vilnius. Lawmakers in the Seimar, Lithuania's parliament, met.",
     "Seimar", ("Organization", None)),
])
def test_entities_name_shape_and_context(parse_text, text, name, expected):
    assert found(parse_text, text)[name] == expected


@pytest.mark.parametrize("text,portfolio", [
    ("Italian Civil Protection Minister Lorenzo Baldacci toured the town.", "Civil Protection"),
    ("The riot began at dawn, Interior Minister Rodrigo Alvarado said.", "Interior"),
])
def test_entities_portfolio_before_a_title_is_no_organisation(parse_text, text, portfolio):
    assert not any(portfolio in name for name in found(parse_text, text))


def test_entities_name_with_and_before_an_organisation_word_is_one(parse_text):
    text = "Rachel Ashdown is chief executive of the Kirkwold and Wharfe NHS Trust, which runs the hospital."
    assert found(parse_text, text).get("Kirkwold and Wharfe NHS Trust") == ("Organization", None)
    listed = found(parse_text, "The case was investigated by the FBI and the Ohio Ethics Commission.")
    assert "FBI" in listed


def test_entities_untagged_name_before_a_legal_form_is_a_company(parse_text):
    text = "SYDNEY (Reuters) - Kelvor Iron Ltd chief executive Graham Pellew resigned late on Thursday."
    assert found(parse_text, text).get("Kelvor Iron Ltd") == ("Organization", None)


def test_entities_owner_of_a_place_named_after_outside_is_not_the_place(parse_text):
    got = found(parse_text, "About 300 people protested outside Kelvor Iron's headquarters in Perth on Monday.")
    assert got.get("Kelvor Iron", ("", None))[0] != "Place" and got.get("Perth") == ("Place", None)


def test_entities_adjective_the_model_tagged_is_no_name(parse_text):
    assert "Aboriginal" not in found(parse_text, "The company destroyed two ancient Aboriginal rock shelters in the Pilbara region.")


def test_entities_plural_common_noun_the_model_tagged_is_no_name(parse_text):
    assert "Gunmen" not in found(parse_text, "GOMA, DR Congo (AFP) — Gunmen abducted three staff members of a charity on Tuesday.")


def test_entities_name_written_as_a_proper_noun_elsewhere_stays_a_name(parse_text):
    text = "Daniel Reyes was found guilty of fraud.\n\nReyes was arrested in March 2023 after an audit."
    assert sum(m.text.endswith("Reyes") for m in extract_mentions(parse_text(text))) == 2


def test_entities_common_noun_the_model_tagged_is_no_name(parse_text):
    text = "Management said it would appeal."
    parsed = parse_text(text)
    span = NamedSpan(0, 1, 0, len("Management"), "ORG", "Management")
    assert found(lambda _: replace(parsed, named_spans=(span,)), "") == {}


def test_entities_name_before_a_group_noun_is_an_organisation(parse_text):
    text = "The riot began when members of the Los Tecolotes gang attacked guards."
    parsed = parse_text(text)
    first = next(t.index for t in parsed.tokens if t.text == "Los")
    span = NamedSpan(first, first + 2, text.index("Los"), text.index("Los") + len("Los Tecolotes"), "GPE", "Los Tecolotes")
    assert found(lambda _: replace(parsed, named_spans=(span,)), "") == {"Los Tecolotes": ("Organization", None)}


def test_entities_organisation_split_at_words_of_another_language_is_one(parse_text):
    text = "Marie Gbanga of the Ligue Centrafricaine pour la Paix said the deal would hold."
    parsed = parse_text(text)
    first = next(t.index for t in parsed.tokens if t.text == "Ligue")
    paix = next(t.index for t in parsed.tokens if t.text == "Paix")
    spans = (NamedSpan(first, first + 2, text.index("Ligue"), text.index(" pour"), "ORG", "Ligue Centrafricaine"),
             NamedSpan(paix, paix + 1, text.index("Paix"), text.index("Paix") + 4, "ORG", "Paix"))
    got = found(lambda _: replace(parsed, named_spans=spans), "")
    assert got == {"Ligue Centrafricaine pour la Paix": ("Organization", None)}


def test_entities_given_name_the_model_left_out_joins_a_one_word_name(parse_text):
    text = "Retired army general Moses Sakala replaces the president's cousin as defence minister."
    parsed = parse_text(text)
    last = next(t.index for t in parsed.tokens if t.text == "Sakala")
    span = NamedSpan(last, last + 1, text.index("Sakala"), text.index("Sakala") + 6, "PERSON", "Sakala")
    assert found(lambda _: replace(parsed, named_spans=(span,)), "") == {"Moses Sakala": ("Person", None)}


def test_entities_name_spans_split_at_a_verb(parse_text):
    got = found(parse_text, "Prosecutors say Keane shot Owen Pritchard during a fishing trip.")
    assert got.get("Keane") == ("Person", None) and got.get("Owen Pritchard") == ("Person", None)


@pytest.mark.parametrize(("text", "name", "label", "expected"), [
    # A word the model took for a nationality, after "in": a place.
    ("Police arrested the captain at his home in Bontolapa on Monday.", "Bontolapa", "NORP", ("Place", None)),
    # A name the model took for an organisation, after a role phrase and a comma: a person.
    ("The belt held no explosives, a spokeswoman for the prosecutor's office, Sophie Renard, told AFP.",
     "Sophie Renard", "ORG", ("Person", None)),
    # A name the model took for a product, before a post: a person.
    ("At least 23 died, said Yusuf Rahmat, a spokesman for the rescue agency.", "Yusuf Rahmat", "PRODUCT", ("Person", None)),
    # A name the model took for a product, where the words around it say it is a place.
    ("The men all came from the town of Varonkel on the coast.", "Varonkel", "PRODUCT", ("Place", "City")),
    ("In Varonkel, about 3,000 people marched.", "Varonkel", "PRODUCT", ("Place", None)),
    ("Boats were seized off the Varonkel district.", "Varonkel", "PRODUCT", ("Place", "Region")),
    # ... but not one the context does not place.
    ("She bought a Varonkel for her son.", "Varonkel", "PRODUCT", {}),
])
def test_entities_name_of_a_kind_we_drop_is_read_from_its_context(parse_text, text, name, label, expected):
    parsed = parse_text(text)
    start = text.index(name)
    first = next(t.index for t in parsed.tokens if t.start == start)
    span = NamedSpan(first, first + len(name.split()), start, start + len(name), label, name)
    assert found(lambda _: replace(parsed, named_spans=(span,)), "") == ({name: expected} if expected else {})


def test_entities_name_after_an_office_and_a_comma_is_its_holder(parse_text):
    assert found(parse_text, "The governor, Emmanuel Ortese, was arrested on Monday.") == {"Emmanuel Ortese": ("Person", None)}


def test_entities_surname_standing_for_one_before_the_other_is_named_goes_on(parse_text):
    text = ("Prosecutors charged Daniel Reyes with fraud on Monday.\n\nReyes, 61, denied the charges. His wife, "
            "Maria Reyes, was questioned.\n\nReyes was elected mayor in 2015.")
    assert [m.text for m in extract_mentions(parse_text(text)) if m.kind == "Person"].count("Reyes") == 2


def test_entities_surname_two_people_share_is_no_mention(parse_text):
    text = "Owen Pritchard and Joanne Pritchard ran the firm.\n\nPritchard said the boat was safe."
    assert [m.text for m in extract_mentions(parse_text(text)) if m.kind == "Person"] == ["Owen Pritchard", "Joanne Pritchard"]


def test_entities_dateline_capitals_are_a_place(parse_text):
    got = found(parse_text, "QUILLBY, Ohio (AP) — A former mayor was sentenced on Tuesday.")
    assert got["Quillby"] == ("Place", None)
    assert "NATO" in found(parse_text, "NATO, the alliance, said on Monday it would act.")  # no dash: no dateline


def test_entities_role_word_inside_an_organisation_name_stays(parse_text):
    got = found(parse_text, "The win lifts Tarnwick to third in the Premier League.")
    assert got["Premier League"] == ("Organization", None)


def test_entities_acronym_definition_adds_missed_name(parse_text):
    got = found(parse_text, "Operation Silent Harbor (OSH), the coalition mission, said on Tuesday it was ready.")
    assert "Operation Silent Harbor" in got


def test_entities_alias_table_finds_names_the_model_missed(parse_text):
    got = found(parse_text, "“This is one of the largest operations that Da’esh (ISIS) executed,” he said.")
    assert got.get("Da’esh", ("", None))[0] == "Organization"


def test_entities_titled_surname_drops_honorific(parse_text):
    got = found(parse_text, "Mara Quellton spoke first. Later, Ms. Quellton said the plan had failed.")
    assert "Quellton" in got and got["Quellton"][0] == "Person"


def test_entities_a_place_tagged_with_its_facility_head_lends_its_kind_to_its_short_form(parse_text):
    text = ("The Federal Electricity Commission, which runs the Peñitas Dam on the Grijalva River, began "
            "releasing water late Tuesday.\n\nThe commission said it would cut releases from Peñitas by a third from Friday.")
    got = {m.text: (m.kind, m.subtype) for m in extract_mentions(parse_text(text))}
    assert got["Peñitas Dam"] == got["Peñitas"] == ("Place", "Facility")


def test_entities_leading_word_of_a_described_company_is_the_company(parse_text):
    text = ("The ship is owned by Osprey Bulk Shipping, a company based in Piraeus. "
            "Osprey said on Friday that the crew were safe.")
    assert found(parse_text, text)["Osprey"] == ("Organization", None)


def test_entities_a_time_zone_is_no_entity(parse_text):
    text = "The train left the tracks at about 10:40 p.m. (1940 GMT) near the town of Comarnic."
    assert "GMT" not in {m.text for m in extract_mentions(parse_text(text))}


def test_entities_a_ship_s_name_is_no_entity_wherever_it_stands(parse_text):
    text = ("The tanker was struck by the Ocean Crest, a container ship operated by Orion Pacific Lines. "
            "The master of the Ocean Crest has not been detained. The ferry Mphatso sank near Likoma.")
    texts = {m.text for m in extract_mentions(parse_text(text))}
    assert "Orion Pacific Lines" in texts and not texts & {"Ocean Crest", "the Ocean Crest", "Mphatso"}
    text = "Marines freed the Liberian-flagged Coral Dawn. The suspects were held aboard the frigate Blas de Lezo."
    texts = {m.text for m in extract_mentions(parse_text(text))}
    assert not texts & {"Coral Dawn", "the Coral Dawn", "Blas de Lezo"}


def test_entities_mentions_stay_inside_blocks_and_sentences(parse_text):
    parsed = parse_text("Jane Doe visited Paris.\n\nMark Ruddle left London.")
    for m in extract_mentions(parsed):
        assert parsed.article.text[m.start : m.end] == m.text
        assert m.sentence_start <= m.start < m.end <= m.sentence_end
        assert any(b.start <= m.start and m.end <= b.end for b in parsed.blocks)


# --- within one article ----------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "a", "b", "rule"),
    [
        ([("Freedonian Liberation Front", "Organization"), ("FLF", "Organization")], "Freedonian Liberation Front", "FLF", "acronym-initials"),
        ([("Mara Quellton", "Person"), ("Quellton", "Person")], "Mara Quellton", "Quellton", "surname"),
        ([("Tarek al-Hamdouni", "Person"), ("al-Hamdouni", "Person")], "Tarek al-Hamdouni", "al-Hamdouni", "surname"),
        ([("Tarek al-Hamdouni", "Person"), ("Hamdouni", "Person")], "Tarek al-Hamdouni", "Hamdouni", "surname"),
        ([("Karvolo prison", "Place", "a.txt", "Prison"), ("Karvolo", "Place", "a.txt", "Prison")], "Karvolo prison", "Karvolo", "short-form"),
        ([("ISIS", "Organization"), ("Daesh", "Organization"), ("Islamic State", "Organization")], "ISIS", "Daesh", "alias"),
        ([("United States", "Place"), ("US", "Place")], "United States", "US", "alias"),
        ([("Democratic Republic of Congo", "Place"), ("Congo", "Place")], "Democratic Republic of Congo", "Congo", "alias"),
    ],
)
def test_entities_within_article_rules(rows, a, b, rule):
    resolution = resolve(mentions_in(*rows))
    assert together(resolution, (a, "a.txt"), (b, "a.txt"))
    assert any(m.rule == rule for m in resolution.merges)


def test_entities_two_congos_stay_apart():
    resolution = resolve(mentions_in(("DR Congo", "Place"), ("Republic of Congo", "Place")))
    assert not together(resolution, ("DR Congo", "a.txt"), ("Republic of Congo", "a.txt"))


def test_entities_acronym_defined_in_parentheses():
    long = mention("Freedonian Liberation Front", "Organization", start=0)
    short = mention("FLF", "Organization", start=long.end + 2)
    resolution = resolve([long, short])
    assert [m.rule for m in resolution.merges] == ["acronym-defined"]


def test_entities_surname_joins_the_one_full_name_written_before_it():
    resolution = resolve(mentions_in(("Anna Pell", "Person"), ("Pell", "Person"), ("Mark Pell", "Person")))
    assert together(resolution, ("Anna Pell", "a.txt"), ("Pell", "a.txt"))
    assert not together(resolution, ("Mark Pell", "a.txt"), ("Pell", "a.txt"))


def test_entities_acronym_in_brackets_joins_whatever_its_letters():
    name = "Revolutionary Front of the Cordillera"
    resolution = resolve([mention(name, "Organization", "a.txt", 0), mention("FRC", "Organization", "a.txt", len(name) + 2)])
    assert together(resolution, (name, "a.txt"), ("FRC", "a.txt"))


def test_entities_ambiguous_surname_stays_apart():
    resolution = resolve(mentions_in(("Anna Pell", "Person"), ("Mark Pell", "Person"), ("Pell", "Person")))
    keys = {entity_of(resolution, t) for t in ("Anna Pell", "Mark Pell", "Pell")}
    assert len(keys) == 3


# --- across articles --------------------------------------------------------


def test_entities_same_name_across_articles_normalised():
    resolution = resolve(mentions_in(("Ciudad Nueva", "Place", "a.txt"), ("CIUDAD NUEVA", "Place", "b.txt")))
    assert together(resolution, ("Ciudad Nueva", "a.txt"), ("CIUDAD NUEVA", "b.txt"))


@pytest.mark.parametrize(("a", "b"), [("Dalmakah", "Dalmaka"), ("Ghazirah", "Gazira")])
def test_entities_transliteration_variants_join(a, b):
    resolution = resolve(mentions_in((a, "Place", "a.txt", "City"), (b, "Place", "b.txt")))
    assert together(resolution, (a, "a.txt"), (b, "b.txt"))
    assert resolution.merges[0].rule == "transliteration"


def test_entities_transliteration_needs_agreeing_kind():
    resolution = resolve(mentions_in(("Dalmakah", "Place", "a.txt"), ("Dalmaka", "Person", "b.txt")))
    assert not together(resolution, ("Dalmakah", "a.txt"), ("Dalmaka", "b.txt"))


def test_entities_person_with_and_without_middle_names_joins_across_articles():
    resolution = resolve(mentions_in(("Faith Wanjiru Njoroge", "Person", "a.txt"), ("Faith Njoroge", "Person", "b.txt"),
                                     ("Grace Njoroge", "Person", "b.txt")))
    assert together(resolution, ("Faith Wanjiru Njoroge", "a.txt"), ("Faith Njoroge", "b.txt"))
    assert [m.rule for m in resolution.merges] == ["middle-name"]


def test_entities_profession_before_a_name_makes_a_person(parse_text):
    text = "Norwegian engineer Ingrid Haugland, Kenyan nurse Faith Njoroge and their driver were seized."
    parsed = parse_text(text)
    start = text.index("Faith Njoroge")
    first = next(t.index for t in parsed.tokens if t.start == start)
    span = NamedSpan(first, first + 2, start, start + len("Faith Njoroge"), "ORG", "Faith Njoroge")
    assert found(lambda _: replace(parsed, named_spans=(span,)), "") == {"Faith Njoroge": ("Person", None)}


def test_entities_surname_alone_does_not_cross_articles():
    resolution = resolve(mentions_in(("Pell", "Person", "a.txt"), ("Pell", "Person", "b.txt")))
    assert not together(resolution, ("Pell", "a.txt"), ("Pell", "b.txt"))


def test_entities_full_name_joins_across_articles_and_keeps_surname():
    resolution = resolve(
        mentions_in(("Mara Quellton", "Person", "a.txt"), ("Quellton", "Person", "a.txt"), ("Mara Quellton", "Person", "b.txt"))
    )
    entity = next(e for e in resolution.entities if e.key == "person/mara-quellton")
    assert entity.label == "Mara Quellton"
    assert entity.alt_labels == ("Quellton",)
    assert entity.article_ids == ("a.txt", "b.txt")


def facility_rows(*others: tuple[str, str]) -> list[Mention]:
    """Article a names "Dalmakah" with each of ``others`` (facility, article) in one sentence;
    article b speaks of "Dalmakah prison"."""
    rows = [mention("Dalmakah prison", "Place", "b.txt", 0, "Prison"), mention("Dalmakah", "Place", "b.txt", 40, "City")]
    for n, (name, article) in enumerate(others):
        start = 100 * n
        sentence = dict(sentence_start=start, sentence_end=start + 90)
        rows.append(replace(mention(name, "Place", article, start, "Prison"), **sentence))
        rows.append(replace(mention("Dalmakah", "Place", article, start + 40, "City"), **sentence))
    return rows


def test_entities_facility_named_after_place_joins_the_one_facility_there():
    resolution = resolve(facility_rows(("Karvolo prison", "a.txt")))
    assert together(resolution, ("Karvolo prison", "a.txt"), ("Dalmakah prison", "b.txt"))
    assert any(m.rule == "facility-by-place" for m in resolution.merges)


def test_entities_facility_named_after_place_stays_apart_when_two_could_match():
    resolution = resolve(facility_rows(("Karvolo prison", "a.txt"), ("Zentra prison", "c.txt")))
    assert not together(resolution, ("Karvolo prison", "a.txt"), ("Dalmakah prison", "b.txt"))
    assert not together(resolution, ("Zentra prison", "c.txt"), ("Dalmakah prison", "b.txt"))


# --- must not merge ----------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Syria", "Place", "a.txt", "Country"), ("Syrian Democratic Forces", "Organization", "a.txt")),
        (("Dalmak", "Place", "a.txt", "City"), ("Omar al-Dalmaki", "Person", "a.txt")),  # city vs person named after it
        (("John Harlow", "Person", "a.txt"), ("John W. Pemberton", "Person", "a.txt")),
        (("Iraq", "Place", "a.txt", "Country"), ("Iran", "Place", "b.txt", "Country")),
        (("Iraq", "Place", "a.txt"), ("Iran", "Place", "b.txt")),
        (("Tarek Salmi", "Person", "a.txt"), ("Yusuf Ali", "Person", "a.txt")),
        (("Dalmakah", "Place", "a.txt", "City"), ("Dalmakah prison", "Place", "a.txt", "Prison")),
        (("Georgia", "Place", "a.txt", "Country"), ("Georgia", "Place", "b.txt", "Region")),
        (("Velmora", "Place", "a.txt"), ("Velmora City", "Place", "a.txt")),  # a settlement noun names another place
        (("Velmora", "Place", "a.txt"), ("Velmora Strait", "Place", "a.txt")),  # so does a natural feature's
        (("Velmora", "Place", "a.txt"), ("Lake Velmora", "Place", "a.txt")),
        (("Velmora", "Place", "a.txt"), ("Velmora Baru", "Place", "a.txt", "City")),  # another name's part
    ],
)
def test_entities_must_not_merge(a, b):
    resolution = resolve(mentions_in(a, b))
    assert not together(resolution, (a[0], a[2]), (b[0], b[2]))


def test_entities_variants_kept_apart_when_one_article_has_both():
    # "Dalmakah" and "Dalmaka" named side by side in one article are two places,
    # so a third article's spelling cannot join them.
    resolution = resolve(
        mentions_in(("Dalmakah", "Place", "a.txt"), ("Dalmaki", "Place", "a.txt"), ("Dalmaka", "Place", "b.txt"))
    )
    assert not together(resolution, ("Dalmakah", "a.txt"), ("Dalmaki", "a.txt"))


# --- the alias file ------------------------------------------------------------


def test_entities_load_aliases_reads_groups_and_never_pairs(tmp_path):
    path = tmp_path / "aliases.txt"
    path.write_text("# mine\nNorth Sentinel Group | NSG | Sentinels\nGeorgia != Georgia Power\n", encoding="utf-8")
    table = load_aliases(path)
    assert table.groups[0].names == ("North Sentinel Group", "NSG", "Sentinels")
    assert table.never == (("Georgia", "Georgia Power"),)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Lonely Name", "two or more names"),
        ("A | ", "empty name"),
        ("A != B != C", "two names"),
        ("Same != same", "same name"),
    ],
)
def test_entities_load_aliases_names_file_and_line(tmp_path, line, reason):
    path = tmp_path / "aliases.txt"
    path.write_text(f"# header\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_aliases(path)
    assert f"{path}:2" in str(raised.value) and reason in str(raised.value)


def test_entities_load_aliases_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        load_aliases(tmp_path / "nope.txt")


def test_entities_user_alias_joins_and_never_pair_overrides(tmp_path):
    path = tmp_path / "aliases.txt"
    path.write_text("Sentinels | North Sentinel Group\nISIS != Daesh\n", encoding="utf-8")
    table = load_aliases(path)
    rows = mentions_in(("North Sentinel Group", "Organization"), ("Sentinels", "Organization", "b.txt"),
                       ("ISIS", "Organization"), ("Daesh", "Organization"))
    resolution = resolve(rows, table)
    assert together(resolution, ("North Sentinel Group", "a.txt"), ("Sentinels", "b.txt"))
    assert not together(resolution, ("ISIS", "a.txt"), ("Daesh", "a.txt"))
    assert any(m.rule == "user-alias" for m in resolution.merges)


# --- output shape ------------------------------------------------------------------


def test_entities_resolution_is_deterministic_and_complete():
    rows = mentions_in(("Freedonian Liberation Front", "Organization"), ("FLF", "Organization"),
                       ("Mara Quellton", "Person"), ("Quellton", "Person"), ("FLF", "Organization", "b.txt"))
    first, second = resolve(rows), resolve(list(reversed(rows)))
    assert first == second
    assert set(first.key_of) == set(rows)
    assert [e.key for e in first.entities] == sorted(e.key for e in first.entities)
    assert {e.key for e in first.entities} == {"organization/freedonian-liberation-front", "person/mara-quellton"}


def test_entities_same_label_different_things_get_numbered_keys():
    resolution = resolve(mentions_in(("Georgia", "Place", "a.txt", "Country"), ("Georgia", "Place", "b.txt", "Region")))
    assert [e.key for e in resolution.entities] == ["place/georgia", "place/georgia-2"]


def test_entities_default_alias_table_is_empty():
    assert AliasTable().groups == ()


# --- names the model mislabels -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jane Morrow posted a long message on Twitter late on Sunday.",  # "posted ... on X": a platform
        "Officials said the video first circulated on Telegram, then elsewhere.",
    ],
)
def test_entities_platform_in_publishing_context_is_an_organisation(parse_text, text):
    platforms = {m.text: m.kind for m in extract_mentions(parse_text(text)) if m.text in {"Twitter", "Telegram"}}
    assert platforms and set(platforms.values()) == {"Organization"}


def test_entities_plural_one_word_person_is_dropped(parse_text):
    got = found(parse_text, "The Hawkwings were parked near the gate. Jane Morrow said they were ready.")
    assert "Hawkwings" not in got
    assert got["Jane Morrow"] == ("Person", None)


def test_entities_group_word_is_not_a_person(parse_text):
    text = "More than 500,000 Tutsis and moderate Hutus were killed, and Hutu extremists organized the killings."
    assert "Hutu" not in found(parse_text, text)


def test_entities_model_name_before_product_noun_is_dropped(parse_text):
    assert "Kalashnikov" not in found(parse_text, "Militias armed with Kalashnikov rifles attacked the village on Monday.")


def test_entities_portfolio_inside_a_title_is_not_an_organisation(parse_text):
    got = found(parse_text, "They met US Secretary of State Jane Morrow in Paris on Monday.")
    assert "State" not in got
    assert got["Jane Morrow"] == ("Person", None)


def test_entities_bare_company_name_takes_the_company_kind(parse_text):
    text = "Harwood Corp. said on Monday it would buy Tarrant Corp. Harwood said the deal would close in June."
    got = extract_mentions(parse_text(text))
    assert {m.kind for m in got if m.text == "Harwood"} == {"Organization"}
    resolution = resolve(got)
    assert len({resolution.key_of[m] for m in got if m.text.startswith("Harwood")}) == 1


def test_entities_legal_forms_of_other_countries_end_the_name(parse_text):
    text = "The tanker is owned by Kuala Lumpur-based Selatan Marine Sdn Bhd, the agency said."
    assert found(parse_text, text).get("Selatan Marine Sdn Bhd") == ("Organization", None)


def test_entities_company_name_rule_picks_the_name_without_legal_form():
    """"Velmora" could shorten both names; only one is "Velmora" plus a legal form."""
    resolution = resolve(mentions_in(("Velmora S.p.A.", "Organization"), ("Velmora Acquisition N.V.", "Organization"),
                                     ("Velmora", "Organization")))
    assert together(resolution, ("Velmora", "a.txt"), ("Velmora S.p.A.", "a.txt"))
    assert not together(resolution, ("Velmora", "a.txt"), ("Velmora Acquisition N.V.", "a.txt"))
    assert any(m.rule == "company-name" for m in resolution.merges)


def test_entities_building_name_is_not_an_alias_of_the_ministry():
    """A wrong merge is the worst error: the building and the department stay two nodes."""
    resolution = resolve(mentions_in(("Pentagon", "Organization", "a.txt"), ("Department of Defense", "Organization", "b.txt")))
    assert not together(resolution, ("Pentagon", "a.txt"), ("Department of Defense", "b.txt"))


def test_entities_blocked_resolution_scales_and_keeps_contradictions_apart():
    """A name in many articles is one node; a pair one article keeps apart stays apart."""
    rows = [("Dalmakah", "Place", f"{n:03d}.txt") for n in range(300)]
    rows += [("Dalmaka", "Place", "x.txt"), ("Dalmakah", "Place", "x.txt")]
    resolution = resolve(mentions_in(*rows))
    assert len({resolution.key_of[m] for m in resolution.key_of if m.text == "Dalmakah"}) == 1
    assert not together(resolution, ("Dalmaka", "x.txt"), ("Dalmakah", "x.txt"))


# --- generality rules (invented news) ---------------------------------------


def test_entities_office_over_a_place_makes_it_a_place(parse_text):
    got = found(parse_text, "The mayor of Quillmoor, Oskar Brandt, resigned on Tuesday.")
    assert got["Quillmoor"] == ("Place", "City")


def test_entities_office_with_of_before_a_name_is_not_a_portfolio(parse_text):
    got = found(parse_text, "Governor of Westmarch Lena Voss signed the bill.")
    assert got.get("Westmarch", ("Place", None))[0] == "Place"


def test_entities_untagged_repeat_of_a_tagged_name_is_a_mention(parse_text):
    text = "Quillmoor mayor resigns.\n\nThe mayor of Quillmoor, Oskar Brandt, resigned on Tuesday."
    mentions = [m for m in extract_mentions(parse_text(text)) if m.text == "Quillmoor"]
    assert len(mentions) == 2 and {m.kind for m in mentions} == {"Place"}


def test_entities_capitals_of_a_dateline_are_not_the_label(parse_text):
    parsed = parse_text("BELGRAVO, Lebanon (AP) — Officials said the talks failed.")
    mentions = extract_mentions(parsed)
    dateline = next(m for m in mentions if m.start == 0)
    assert dateline.text == "Belgravo" and parsed.article.text[dateline.start : dateline.end] == "BELGRAVO"
    assert "Belgravo" in {e.label for e in resolve(mentions).entities}


def test_entities_one_kind_per_name_across_articles():
    rows = mentions_in(
        ("Quillmoor", "Person", "a.txt"),  # the model's guess, nothing in a.txt backs it
        ("Quillmoor", "Place", "b.txt", "City"),  # b.txt: "the city of Quillmoor"
    )
    resolution = resolve(rows)
    assert [(e.kind, e.subtype) for e in resolution.entities] == [("Place", "City")]
    assert together(resolution, ("Quillmoor", "a.txt"), ("Quillmoor", "b.txt"))
    assert resolution.key_of.kinds[entity_of(resolution, "Quillmoor", "a.txt")] == ("Place", "City")


def test_entities_retyped_surname_does_not_join_the_full_name():
    rows = mentions_in(
        ("Brandt", "Place", "a.txt"),
        ("Brandt", "Place", "a.txt"),
        ("Oskar Brandt", "Person", "b.txt"),
        ("Brandt", "Person", "b.txt"),
    )
    resolution = resolve(rows)
    assert resolution.key_of.kinds[entity_of(resolution, "Brandt", "a.txt")][0] == "Person"
    assert not together(resolution, ("Brandt", "a.txt"), ("Oskar Brandt", "b.txt"))  # a surname alone: keep apart


def test_entities_two_strong_readings_keep_their_kinds():
    rows = mentions_in(
        ("Westmarch", "Place", "a.txt", "Country"),
        ("Lena Westmarch", "Person", "b.txt"),
        ("Westmarch", "Person", "b.txt"),
    )
    resolution = resolve(rows)
    assert {e.kind for e in resolution.entities} == {"Place", "Person"}
    assert not together(resolution, ("Westmarch", "a.txt"), ("Westmarch", "b.txt"))


def test_entities_never_merge_different_kinds_even_by_user_alias(tmp_path):
    path = tmp_path / "aliases.txt"
    path.write_text("Quillmoor | Quillmoor Brandt\n", encoding="utf-8")
    rows = mentions_in(("Quillmoor", "Place", "a.txt", "City"), ("Quillmoor Brandt", "Person", "a.txt"))
    resolution = resolve(rows, load_aliases(path))
    assert not together(resolution, ("Quillmoor", "a.txt"), ("Quillmoor Brandt", "a.txt"))
