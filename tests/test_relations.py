"""Relations: one parametrized row per affiliation and location pattern."""

from __future__ import annotations

import pytest

from kg.entities import extract_mentions, resolve
from kg.model import Mention
from kg.relations import extract_relations


def relations_of(parse_text, text: str) -> set[tuple[str, str, str, str | None, str]]:
    parsed = parse_text(text)
    mentions = extract_mentions(parsed)
    resolution = resolve(mentions)
    found = extract_relations(parsed, mentions, resolution.key_of)
    for relation in found:
        # The evidence is whole sentences: one, or the two an inference combines.
        assert relation.evidence_start in {s.start for s in parsed.sentences}
        assert relation.evidence_end in {s.end for s in parsed.sentences}
        assert 0 < relation.confidence <= 1
    return {(r.subject, r.predicate, r.object, r.role, r.rule) for r in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pentagon spokesman Mark Ruddle confirmed the strikes on Friday.",
            ("person/mark-ruddle", "worksFor", "organization/pentagon", "spokesman", "title-before"),
        ),
        (
            "Syria has many problems. Syrian President Omar Haddan said on Friday that talks had failed.",
            ("person/omar-haddan", "worksFor", "place/syria", "president", "title-before"),
        ),
        (
            "In Iraq, Iraqi Prime Minister Karim Dawoodi ordered more security.",
            ("person/karim-dawoodi", "worksFor", "place/iraq", "prime minister", "title-before"),
        ),
        (
            "“We have provided support,” Mark Ruddle, the Pentagon spokesman, told reporters.",
            ("person/mark-ruddle", "worksFor", "organization/pentagon", "spokesman", "appositive"),
        ),
        (
            "“It is a threat,” said Lena Voss, an associate professor at the Baltic Naval College who studies the group.",
            ("person/lena-voss", "worksFor", "organization/baltic-naval-college", "associate professor", "appositive"),
        ),
        (
            "Omar Haddan, head of the Freedonian Democratic Forces, told reporters the attack failed.",
            ("person/omar-haddan", "worksFor", "organization/freedonian-democratic-forces", "head", "appositive"),
        ),
        (  # the employer's possessive opens the appositive; "for" after the post names its area
            "Markets fell, said Lena Voss, the Baltic Naval College's director for Strelsau.",
            ("person/lena-voss", "worksFor", "organization/baltic-naval-college", "director", "appositive"),
        ),
        (  # who founded the organisation
            "Lena Voss, 58, who set up the Baltic Naval College in 2012, was arrested on Monday.",
            ("person/lena-voss", "worksFor", "organization/baltic-naval-college", "founder", "founder"),
        ),
        (  # descriptors before the organisation's name
            "Police arrested Lena Voss, leader of the small opposition Baltic Naval College, on Wednesday.",
            ("person/lena-voss", "worksFor", "organization/baltic-naval-college", "leader", "appositive"),
        ),
        (
            "Lena Voss, 47, an inspector at the Baltic Naval College, was detained on Wednesday.",
            ("person/lena-voss", "worksFor", "organization/baltic-naval-college", "inspector", "appositive"),
        ),
        (
            "Omar Haddan, 52, who was the site manager for the Freedonian Democratic Forces, was detained.",
            ("person/omar-haddan", "worksFor", "organization/freedonian-democratic-forces", "site manager", "appositive"),
        ),
        (
            "The Freedonian Democratic Forces’s media commander, Omar Haddan, told reporters the attack was planned.",
            ("person/omar-haddan", "worksFor", "organization/freedonian-democratic-forces", "media commander", "possessive"),
        ),
        (
            "Statements came from the Pentagon spokesman, Mark Ruddle, on Friday.",
            ("person/mark-ruddle", "worksFor", "organization/pentagon", "spokesman", "title-before"),
        ),
        (
            "Syria said no. Syrian deputy prime minister Omar Haddan met the envoy.",
            ("person/omar-haddan", "worksFor", "place/syria", "deputy prime minister", "title-before"),
        ),
        (
            "The head of the International Relief Committee, Lena Voss, said aid was coming.",
            ("person/lena-voss", "worksFor", "organization/international-relief-committee", "head", "role-of-before"),
        ),
        (  # a short description between "of" and the organisation
            "The chief executive of Swedish miner Velcor Holdings LLC, Lena Voss, resigned on Thursday.",
            ("person/lena-voss", "worksFor", "organization/velcor-holdings-llc", "chief executive", "role-of-before"),
        ),
        (  # "the <noun>" after the role: the organisation the article named so
            "Gunmen entered the Warnmadi Secondary School on Tuesday. \"We sang songs,\" said Marlene Cooper, "
            "a teacher at the school who was among the hostages.",
            ("person/marlene-cooper", "worksFor", "organization/warnmadi-secondary-school", "teacher", "appositive"),
        ),
        (  # a post given by a verb, held in the story's country ...
            "Fires burned across Portugal on Monday. Lena Voss was appointed finance minister on Tuesday.",
            ("person/lena-voss", "worksFor", "place/portugal", "finance minister", "appointed-as"),
        ),
        (  # ... or at the organisation after "of"
            "Lena Voss becomes chief executive of Velcor Holdings LLC on Monday.",
            ("person/lena-voss", "worksFor", "organization/velcor-holdings-llc", "chief executive", "appointed-as"),
        ),
        (  # the organisation a country's possessive introduces
            "Lena Voss, leader of Portugal's center-left Umoja Democratic Movement, was sworn in on Thursday.",
            ("person/lena-voss", "worksFor", "organization/umoja-democratic-movement", "leader", "appositive"),
        ),
        (  # a rank between the comma and the name
            "The commander of the International Relief Committee, Gen. Lena Voss, said aid was coming.",
            ("person/lena-voss", "worksFor", "organization/international-relief-committee", "commander", "role-of-before"),
        ),
        (  # an office held over a place: the place stands as the organisation
            "The mayor of Quillmoor, Oskar Brandt, resigned on Tuesday.",
            ("person/oskar-brandt", "worksFor", "place/quillmoor", "mayor", "role-of-before"),
        ),
        (  # a former role keeps "former" in its text (the graph writes no plain worksFor for it)
            "Police charged Oskar Brandt, the former treasurer of the Quillmoor Rowing Club, with fraud.",
            ("person/oskar-brandt", "worksFor", "organization/quillmoor-rowing-club", "former treasurer", "appositive"),
        ),
        (
            "The study was led by Dr. Lena Voss of Quillmoor State University.",
            ("person/lena-voss", "worksFor", "organization/quillmoor-state-university", None, "of-after"),
        ),
        (  # a hyphenated role head ("president-elect") read as one word
            "Portugal is voting. Portugal's president-elect Lena Voss met the cabinet on Monday.",
            ("person/lena-voss", "worksFor", "place/portugal", "president-elect", "possessive"),
        ),
        (  # a counterpart holds the role of the sentence's other affiliation
            "Canadian Foreign Minister Lena Voss met her Japanese counterpart, Mark Ruddle, in Tokyo. Canada and Japan signed a deal.",
            ("person/mark-ruddle", "worksFor", "place/japan", "foreign minister", "title-before"),
        ),
        (  # a bare company title means the company the story is about
            "Velcor Holdings LLC raised its forecast. Velcor Holdings LLC shares rose.\n\n"
            "Chief Executive Lena Voss said the group would hire.",
            ("person/lena-voss", "worksFor", "organization/velcor-holdings-llc", "chief executive", "story-title"),
        ),
        (  # "its" points to the organisation named last
            "Velcor Holdings LLC bought a rival. Its chief executive, Mark Ruddle, will step down.",
            ("person/mark-ruddle", "worksFor", "organization/velcor-holdings-llc", "chief executive", "story-title"),
        ),
        (  # an office of state in an article naming one country
            "Fires burned across Portugal on Monday. Prime Minister Mark Ruddle visited the area.",
            ("person/mark-ruddle", "worksFor", "place/portugal", "prime minister", "story-title"),
        ),
        (  # any minister; the country the story is filed from, though another is named
            "SUVA, Fiji (AP) — Rain hit the coast near Tonga. Transport Minister Mark Ruddle visited.",
            ("person/mark-ruddle", "worksFor", "place/fiji", "transport minister", "story-title"),
        ),
        (  # ... else the country the story names most, by name or nationality, over a passing one
            "Fires burned across Portugal on Monday. Crews from Spain fought them. "
            "Portugal asked for planes. Transport Minister Mark Ruddle visited.",
            ("person/mark-ruddle", "worksFor", "place/portugal", "transport minister", "story-title"),
        ),
        (  # an employer's short name before a company title, tagged with the name or left untagged
            "Norrvik Mining AB agreed to buy a rival on Monday. Norrvik Chief Executive Ingrid Sjoholm told analysts so.",
            ("person/ingrid-sjoholm", "worksFor", "organization/norrvik-mining-ab", "chief executive", "title-before"),
        ),
        (
            "The board of Kallio Metals Oyj backed the offer. Kallio shares rose. "
            "Kallio Chief Executive Jukka Lahtinen is expected to join the board.",
            ("person/jukka-lahtinen", "worksFor", "organization/kallio-metals-oyj", "chief executive", "title-before"),
        ),
        (  # a cabinet secretary is an office of state
            "SUVA, Fiji (AP) — Interior Secretary Mark Ruddle toured flooded parts of the city by boat on Thursday.",
            ("person/mark-ruddle", "worksFor", "place/fiji", "interior secretary", "story-title"),
        ),
        (  # a portfolio of plural words ("Services") is part of the title
            "SUVA, Fiji (AP) — Correctional Services Minister Mark Ruddle suspended the prison's commander on Sunday.",
            ("person/mark-ruddle", "worksFor", "place/fiji", "correctional services minister", "story-title"),
        ),
        (  # an office with a portfolio is still an office of state
            "Fires burned across Portugal on Monday. Minister of State Mark Ruddle visited the area.",
            ("person/mark-ruddle", "worksFor", "place/portugal", "minister of state", "story-title"),
        ),
        (  # "its" may point back within a sentence that names the organisation
            "The operator, Velcor Holdings LLC, suspended its head of operations, Mark Ruddle, on Monday.",
            ("person/mark-ruddle", "worksFor", "organization/velcor-holdings-llc", "head of operations", "story-title"),
        ),
        (  # a rank between the comma and the name
            "Soldiers of the Velcor Regiment, led by its commander, Colonel Mark Ruddle, seized the radio station.",
            ("person/mark-ruddle", "worksFor", "organization/velcor-regiment", "commander", "story-title"),
        ),
        (  # "the <noun>'s" is the organisation named last whose name ends in that noun
            "The owners are represented by the Warnmadi Aboriginal Corporation. "
            "The corporation's chairwoman, Marlene Cooper, told Reuters so.",
            ("person/marlene-cooper", "worksFor", "organization/warnmadi-aboriginal-corporation", "chairwoman", "story-title"),
        ),
        (  # ... however far back it was named
            "Hackers struck the Warnmadi Regional Hospital on Tuesday. Operations stopped. Ambulances "
            "were sent away. Patients waited. The hospital's director, Marlene Cooper, said so.",
            ("person/marlene-cooper", "worksFor", "organization/warnmadi-regional-hospital", "director", "story-title"),
        ),
        (  # ... or the story's company for a company noun; a portfolio may have adjectives
            "Velcor Holdings LLC shares fell on Friday. The company's head of corporate affairs, Mark Ruddle, resigned.",
            ("person/mark-ruddle", "worksFor", "organization/velcor-holdings-llc", "head of corporate affairs", "story-title"),
        ),
        (  # ... or the place the noun follows
            "Gunmen stopped the vehicle in Lubero territory of North Kivu province, "
            "the territory's administrator, Alain Kiwewa, told AFP.",
            ("person/alain-kiwewa", "worksFor", "place/lubero", "administrator", "story-title"),
        ),
        (  # a qualifier before an office of state leaves it one
            "Fires burned across Portugal on Monday. Deputy President Mark Ruddle visited the area.",
            ("person/mark-ruddle", "worksFor", "place/portugal", "deputy president", "story-title"),
        ),
        (  # the organisation, or its body, right before "led by"
            "Tarvik AB agreed. Tarvik's board, led by chairman Mark Ruddle, backed the offer.",
            ("person/mark-ruddle", "worksFor", "organization/tarvik-ab", "chairman", "led-by"),
        ),
        (  # a title that is a post elsewhere makes the leader only
            "The Umoja Democratic Movement, led by former finance minister Lena Voss, won the vote.",
            ("person/lena-voss", "worksFor", "organization/umoja-democratic-movement", "leader", "led-by"),
        ),
        (  # a relative clause whose verb gives a post
            "Lena Voss, who leads the Umoja Democratic Movement, won the vote.",
            ("person/lena-voss", "worksFor", "organization/umoja-democratic-movement", "leader", "who-leads"),
        ),
        (  # ... past an age
            "Lena Voss was stabbed. Voss, 48, who leads the Umoja Democratic Movement, had just spoken.",
            ("person/lena-voss", "worksFor", "organization/umoja-democratic-movement", "leader", "who-leads"),
        ),
        (  # ... past lower-case descriptors, a participle among them
            "Lena Voss won. Voss, 67, who leads the governing Umoja Democratic Movement, spoke.",
            ("person/lena-voss", "worksFor", "organization/umoja-democratic-movement", "leader", "who-leads"),
        ),
        (  # ... with an auxiliary: "had headed" is a post no longer held
            "Lena Voss, who had headed the Umoja Democratic Movement since 2027, resigned on Tuesday.",
            ("person/lena-voss", "worksFor", "organization/umoja-democratic-movement", "former head", "who-leads"),
        ),
        (  # an organisation after a comma and "of", past a "<place>-based"
            "The charges are false, said their lawyer, Lena Voss, of the Strelsau-based Umoja Rights Centre.",
            ("person/lena-voss", "worksFor", "organization/umoja-rights-centre", None, "of-after"),
        ),
        (  # "the <noun>'s" in an appositive is the organisation named so before
            "Velcor Holdings LLC shares fell. Mark Ruddle, the company's chief executive, resigned.",
            ("person/mark-ruddle", "worksFor", "organization/velcor-holdings-llc", "chief executive", "appositive"),
        ),
        (  # ... or has it anywhere
            "The Junior Doctors Association of Ruritania struck. The association's spokesman, Mark Ruddle, said so.",
            ("person/mark-ruddle", "worksFor", "organization/junior-doctors-association-of-ruritania", "spokesman", "story-title"),
        ),
        (  # ... whose name begins with that noun
            "Club Atletico Velcor lost 4-0 on Sunday. Mark Ruddle, the club's sporting director, resigned.",
            ("person/mark-ruddle", "worksFor", "organization/club-atletico-velcor", "sporting director", "appositive"),
        ),
        (  # a body before the post employs; "for" after it names the area
            "The gunmen opened fire, said Mark Ruddle, the Freedonian Democratic Forces commander for Strelsau province.",
            ("person/mark-ruddle", "worksFor", "organization/freedonian-democratic-forces", "commander", "appositive"),
        ),
        (  # an occupation is a post at the company that employs one
            "Mark Ruddle, 29, a conductor for Zenda Coach Lines, was shot dead on Sunday.",
            ("person/mark-ruddle", "worksFor", "organization/zenda-coach-lines", "conductor", "appositive"),
        ),
        (  # the government of a place
            "Troops were sent, said Moïse Kambale, a spokesman for the provincial government of North Kivu.",
            ("person/moise-kambale", "worksFor", "place/north-kivu", "spokesman", "appositive"),
        ),
        (  # a title of two titles ("Chief Minister") after a place the model left untagged there
            "Oil washed up in Johor state on Monday. Johor Chief Minister Azlan Karim ordered the beaches closed.",
            ("person/azlan-karim", "worksFor", "place/johor", "chief minister", "title-before"),
        ),
        (  # an office held over a place, before the name
            "Roccaverde Mayor Mark Ruddle said the bridge was destroyed.",
            ("person/mark-ruddle", "worksFor", "place/roccaverde", "mayor", "title-before"),
        ),
        (  # "its" after "the company" in the sentence: the company described last, not the name last
            "A court in Strelsau heard the case. Articles said Morava Defence Systems, a state-owned arms maker, "
            "sold shells under European Union sanctions. The company has denied it, and its chief executive, "
            "Goran Simic, has not been questioned.",
            ("person/goran-simic", "worksFor", "organization/morava-defence-systems", "chief executive", "story-title"),
        ),
        (  # a seat noun after the organisation's possessive
            "Velcor Holdings LLC said its staff would move while Velcor Holdings LLC's head office in Strelsau is rebuilt.",
            ("organization/velcor-holdings-llc", "location", "place/strelsau", None, "seat-of"),
        ),
        (  # ... or before "of" the organisation, then "in <Place>"
            "Investigators searched the headquarters of Velcor Holdings LLC in Strelsau on Monday.",
            ("organization/velcor-holdings-llc", "location", "place/strelsau", None, "seat-of"),
        ),
        (  # an organisation standing at one place, before "in"
            "The man died at the Vrbnica General Hospital in Strelsau on Friday.",
            ("organization/vrbnica-general-hospital", "location", "place/strelsau", None, "sited-in"),
        ),
        (  # ... whose head comes before "of"
            "Three adults were taken to the National Hospital of Ruritania in Strelsau.",
            ("organization/national-hospital-of-ruritania", "location", "place/strelsau", None, "sited-in"),
        ),
        (  # places joined by "and" share the container the second is put in
            "Young men burned tyres in Kawempe and Nakawa, two divisions of Kampala.",
            ("place/kawempe", "containedInPlace", "place/kampala", None, "place-in"),
        ),
        (
            "Young men burned tyres in Kawempe and Nakawa, two divisions of Kampala.",
            ("place/nakawa", "containedInPlace", "place/kampala", None, "place-appositive"),
        ),
        (  # a town after the employer where someone holds a post
            "Markets fell, said Lena Voss, chief economist at Velcor Holdings LLC in Strelsau.",
            ("organization/velcor-holdings-llc", "location", "place/strelsau", None, "workplace-in"),
        ),
        (  # a seat after a short description
            "Articles alleged that Morava Defence Systems, a state-owned arms maker based in the central town "
            "of Vrbnica, had sold shells.",
            ("organization/morava-defence-systems", "location", "place/vrbnica", None, "based-in"),
        ),
        (  # ... or a place-based company
            "The stolen files came from Medinform Alpin GmbH, a Linz-based company that handles claims.",
            ("organization/medinform-alpin-gmbh", "location", "place/linz", None, "based-in"),
        ),
        (  # ... or a company described as in a place
            "Police arrested Nuwan Perera, 27, who owns Skyframe Studios, a small photography company in Negombo.",
            ("organization/skyframe-studios", "location", "place/negombo", None, "based-in"),
        ),
        (  # a local unit of an organisation is part of it, not of the place
            "Police raided a warehouse in Rotterdam on Monday. \"It was a big network,\" said Anouk Meijer, "
            "head of the Rotterdam unit of the National Police.",
            ("person/anouk-meijer", "worksFor", "organization/national-police", "head of the Rotterdam unit", "appositive"),
        ),
        (  # a seat written before the organisation's name is no employer
            "Lena Voss, director of the Breda-based Velcor Holdings LLC, said so on Monday.",
            ("person/lena-voss", "worksFor", "organization/velcor-holdings-llc", "director", "appositive"),
        ),
        (  # a nationality is no part of the post
            "Mark Ruddle, a Swedish forward of Tarnwick United, scored twice.",
            ("person/mark-ruddle", "worksFor", "organization/tarnwick-united", "forward", "appositive"),
        ),
    ],
)
def test_relations_affiliation_patterns(parse_text, text, expected):
    assert expected in relations_of(parse_text, text)


def test_relations_relative_clause_about_a_part_of_an_organisation_gives_no_post(parse_text):
    text = "Naomi Fairweather, who ran Velcor Holdings LLC's iron ore division until last year, was appointed."
    assert not any(r[4] == "who-leads" for r in relations_of(parse_text, text))


def test_relations_office_of_state_after_a_nationality_is_that_nations(parse_text):
    text = "SUVA, Fiji (AP) — The summit was hosted by Uzbek President Mark Ruddle on Monday."
    assert not any(r[0] == "person/mark-ruddle" and r[2] == "place/fiji" for r in relations_of(parse_text, text))


def test_relations_office_of_state_needs_a_country_named_well_above_any_other(parse_text):
    text = "Fires burned across Portugal on Monday, near the Spanish border. Prime Minister Mark Ruddle visited."
    assert not any(r[0] == "person/mark-ruddle" for r in relations_of(parse_text, text))


def test_relations_an_office_of_state_may_follow_a_portfolio(parse_text):
    text = "NAIROBI (AFP) - Kenya sent troops north. Interior Cabinet Secretary Mark Ruddle imposed a curfew on Sunday."
    assert ("person/mark-ruddle", "worksFor", "place/kenya", "interior cabinet secretary", "story-title") in relations_of(parse_text, text)


def test_relations_a_capital_in_the_dateline_says_whose_office_of_state(parse_text):
    text = ("LISBON (Reuters) - Fires burned across Portugal on Monday, near the Spanish border, and Spain "
            "sent planes. Prime Minister Mark Ruddle visited.")
    assert ("person/mark-ruddle", "worksFor", "place/portugal", "prime minister", "story-title") in relations_of(parse_text, text)


@pytest.mark.parametrize("text,unit,parent", [
    ("Velcor Holdings LLC, a subsidiary of the Umoja Democratic Movement, makes chlorine.",
     "organization/velcor-holdings-llc", "organization/umoja-democratic-movement"),
    ("Members of the Rapid Intervention Group, an elite unit of the National Gendarmerie, killed two gunmen.",
     "organization/rapid-intervention-group", "organization/national-gendarmerie"),
    ("Atlantica, a subsidiary of Singapore-based Meridian Ports Group, said so.",
     "organization/atlantica", "organization/meridian-ports-group"),
])
def test_relations_an_organisation_described_as_a_unit_of_another_is_part_of_it(parse_text, text, unit, parent):
    found = relations_of(parse_text, text)
    assert (unit, "parentOrganization", parent, None, "unit-of") in found
    assert not any(r[1] == "parentOrganization" and r[2].startswith("place/") for r in found)


def test_relations_its_opening_a_sentence_is_the_organisation_the_sentence_before_is_about(parse_text):
    text = ("Velcor Holdings LLC, a subsidiary of the Umoja Democratic Movement, makes chlorine at the site. "
            "Its spokesman, Mark Ruddle, said the plant was safe.")
    assert ("person/mark-ruddle", "worksFor", "organization/velcor-holdings-llc", "spokesman", "story-title") \
        in relations_of(parse_text, text)


def test_relations_its_chief_executive_is_the_company_named_before_not_its_client(parse_text):
    text = ("The stolen files came from Velcor Holdings LLC, which handles claims for the Umoja Democratic Movement. "
            "Its chief executive, Mark Ruddle, said the attackers had entered in April.")
    assert ("person/mark-ruddle", "worksFor", "organization/velcor-holdings-llc", "chief executive", "story-title") \
        in relations_of(parse_text, text)


def test_relations_a_part_of_an_organisation_led_by_someone_is_not_the_whole(parse_text):
    text = "A faction of the Umoja Democratic Movement led by Col. Lena Voss did not sign the deal."
    assert not any(r[0] == "person/lena-voss" for r in relations_of(parse_text, text))


def test_relations_company_title_with_another_name_in_the_sentence_is_left_unread(parse_text):
    text = ("Velcor Holdings LLC bid for Tarvik AB on Monday. Velcor Holdings LLC said so.\n\n"
            "Tarvik's board, led by chairman Mark Ruddle, backed the offer.")
    assert not any(r[0] == "person/mark-ruddle" and r[4] == "story-title" for r in relations_of(parse_text, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "More than 100 fighters attacked the Karvolo prison in Dalminster on Thursday.",
            ("place/karvolo-prison", "containedInPlace", "place/dalminster", None, "place-in"),
        ),
        (
            "The assault on the Karvolo prison, located in the northeastern city of Dalminster, began on Thursday.",
            ("place/karvolo-prison", "containedInPlace", "place/dalminster", None, "place-in"),
        ),
        (
            "Protesters gathered in Dalminster, Lebanon, on Sunday.",
            ("place/dalminster", "containedInPlace", "place/lebanon", None, "place-comma"),
        ),
        (
            "Police searched a house in Brookvale, a suburb of Dalminster, on Monday.",
            ("place/brookvale", "containedInPlace", "place/dalminster", None, "place-appositive"),
        ),
        (  # the "in" after a short description in the appositive
            "Mud swept onto El Recreo, a village of about 300 people in the municipality of Yolombo, on Monday.",
            ("place/el-recreo", "containedInPlace", "place/yolombo", None, "place-appositive"),
        ),
        (  # nouns before the settlement noun of the appositive
            "Gunmen struck near Kiyanja, a market town in Lubero territory of North Kivu province, on Monday.",
            ("place/kiyanja", "containedInPlace", "place/lubero", None, "place-appositive"),
        ),
        (  # a region noun after the name, then "of" its container
            "The plane landed in Tharmel, a town in Kalikot district of Sudur Province, on Monday.",
            ("place/kalikot", "containedInPlace", "place/sudur-province", None, "region-of"),
        ),
        (  # "<Place>, <Place>'s [adjectives] <settlement noun>"
            "Hundreds rallied outside the embassy in Strelsau, Ruritania's second-largest city, on Sunday.",
            ("place/strelsau", "containedInPlace", "place/ruritania", None, "place-appositive"),
        ),
        (  # a compass word before the container, whatever its tag
            "The mine lies near the town of Kajaani, in the Kainuu region of central Finland.",
            ("place/kainuu", "containedInPlace", "place/finland", None, "region-of"),
        ),
        (  # "X-based" before an organisation's name gives its seat
            "Police raided Breda-based freight company Velcor Holdings LLC on Monday.",
            ("organization/velcor-holdings-llc", "location", "place/breda", None, "place-based"),
        ),
        (  # a country's possessive introduces a place in it
            "Fighting spread across Mozambique's northern Cabo Delgado province on Monday.",
            ("place/cabo-delgado", "containedInPlace", "place/mozambique", None, "place-possessive"),
        ),
        (  # and "in" it, the possessed place is the container
            "Gunmen stormed a post in the town of Namaquiri in Mozambique's northern Cabo Delgado province.",
            ("place/namaquiri", "containedInPlace", "place/cabo-delgado", None, "place-in"),
        ),
        (  # "the company" is the one the story is about
            "Velcor Holdings LLC raised its forecast.\n\nThe company, based in Dalminster, hired 200 people.",
            ("organization/velcor-holdings-llc", "location", "place/dalminster", None, "story-based-in"),
        ),
        (  # "its" stands for the organisation named last
            "Velcor Holdings LLC said it would sell its coffee unit, Tarvik AB, to a rival.",
            ("organization/tarvik-ab", "parentOrganization", "organization/velcor-holdings-llc", None, "its-unit"),
        ),
        (  # an untyped place after the comma: a state or region
            "Protesters gathered in Dalminster, Ohio, on Sunday.",
            ("place/dalminster", "containedInPlace", "place/ohio", None, "place-comma"),
        ),
        (
            "Talvine Therapeutics Inc., based in Dalminster, makes the drug.",
            ("organization/talvine-therapeutics-inc", "location", "place/dalminster", None, "based-in"),
        ),
    ],
)
def test_relations_location_patterns(parse_text, text, expected):
    assert expected in relations_of(parse_text, text)


def test_relations_facility_description_and_inference(parse_text):
    text = (
        "Syria is at war. Fighters broke out of a Syrian prison on Thursday. "
        "The assault on the Karvolo prison, located in the city of Dalminster, began at dawn."
    )
    found = relations_of(parse_text, text)
    assert ("place/karvolo-prison", "containedInPlace", "place/syria", None, "facility-description") in found
    assert ("place/dalminster", "containedInPlace", "place/syria", None, "facility-inference") in found


def test_relations_sub_organisation_named_after_parent(parse_text):
    text = "The FDF said it held the town. Omar Haddan, head of FDF Media Center, told reporters."
    found = relations_of(parse_text, text)
    assert ("organization/fdf-media-center", "parentOrganization", "organization/fdf", None, "name-prefix") in found


@pytest.mark.parametrize(
    "text",
    [
        "Officials met in Berlin, Paris and Rome last week.",  # a list, not a place in a place
        "There is no end game for the United States in Syria, he said.",  # a country is not inside another
        "Mark Ruddle met Lena Voss in London on Monday.",  # two people, no role
        "Mark Ruddle, a lawyer for the Pentagon secretary, spoke.",  # a role held for a person
        "Chicago attorney Mark Ruddle spoke.",  # a city before a role says where, not for whom
        "The United States is big. U.S. District Judge Lena Voss ruled on Monday.",  # a profession: no state employer
        "Mark Ruddle of London spoke on Monday.",  # "of <place>" says where someone is from
        "the of , , in in the Pentagon spokesman spokesman , ,",  # garbled text: nothing, no crash
    ],
)
def test_relations_nothing_from_non_patterns(parse_text, text):
    assert not relations_of(parse_text, text)


def test_relations_title_with_of_keeps_the_whole_role(parse_text):
    found = relations_of(parse_text, "The United States is a party. They met US Secretary of State Jane Morrow in Paris on Monday.")
    assert ("person/jane-morrow", "worksFor", "place/united-states", "secretary of state", "title-before") in found


def test_relations_adjective_never_creates_a_country(parse_text):
    """No article names Georgia: "Georgian President X" gives no node and no relation."""
    parsed = parse_text("Georgian President Jane Morrow met reporters on Monday.")
    mentions = extract_mentions(parsed)
    resolution = resolve(mentions)
    assert not extract_relations(parsed, mentions, resolution.key_of)
    assert [e.label for e in resolution.entities] == ["Jane Morrow"]


@pytest.mark.parametrize(("subtype", "linked"), [("Country", True), ("Region", False)])
def test_relations_adjective_links_only_to_a_place_typed_country(parse_text, subtype, linked):
    """Another article names Georgia: the adjective links to it only if it is typed a country."""
    parsed = parse_text("Georgian President Jane Morrow met reporters on Monday.")
    mentions = extract_mentions(parsed)
    elsewhere = Mention("other.txt", 0, 7, "Georgia", "Place", subtype)
    resolution = resolve([*mentions, elsewhere])
    objects = {r.object for r in extract_relations(parsed, mentions, resolution.key_of)}
    assert (resolution.key_of[elsewhere] in objects) == linked


def test_relations_accept_a_plain_mapping_of_keys(parse_text):
    """The pipeline passes ``Resolution.key_of``; a plain dict of the same keys gives the same relations."""
    parsed = parse_text("Syria has many problems. Syrian President Omar Haddan said on Friday that talks had failed.")
    mentions = extract_mentions(parsed)
    resolution = resolve(mentions)
    assert extract_relations(parsed, mentions, dict(resolution.key_of)) == extract_relations(parsed, mentions, resolution.key_of)


def test_relations_place_after_in_is_where_not_for_whom(parse_text):
    found = relations_of(parse_text, "Lena Voss, a spokeswoman in New York for Acme Corp, declined to comment.")
    assert ("person/lena-voss", "worksFor", "organization/acme-corp", "spokeswoman", "appositive") in found
    assert not any(r[2] == "place/new-york" for r in found)
