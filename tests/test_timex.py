"""kg.timex.tag end to end: one table per family of expressions, with fixed publication dates.

Uses the real English model through the ``parse_text`` fixture (the tense of
the sentence decides directions). Examples are invented.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Article, Block, ParsedArticle
from kg.timex import tag

FRIDAY = date(2022, 1, 21)
WEDNESDAY = date(2022, 1, 26)
TIMEX3_VALUE = re.compile(
    r"(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:\d|WE))?|-Q[1-4X]|-H[12]|-(?:SP|SU|FA|WI))?"
    r"(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?"
    r"|\d{2,3}|P(?:\d+(?:\.\d+)?|X)(?:[YMWDLCQ]|DE|WE)(?:\d+[MD])?|PT(?:\d+(?:\.\d+)?|X)[HMS](?:\d+M)?|P\d+DT\d+H|PT\d+H"
    r"|XXXX-WXX-\d(?:T(?:MO|AF|EV|NI))?|PRESENT_REF|PAST_REF|FUTURE_REF"
)


def values(parsed) -> dict[str, str]:
    return {t.text: t.value for t in tag(parsed)}


def values_of(text: str, published: date) -> dict[str, str]:
    """Expression -> value, tagged the way ``kg dates`` runs (no statistical parse up front)."""
    return values(unparsed(text, published))


def check(parse_text, text: str, published: date, expected: dict[str, str]):
    found = values(parse_text(text, published=published))
    for expression, value in expected.items():
        assert found.get(expression) == value, f"{expression!r} in {text!r}: got {found}"


EXPLICIT = [
    ("The treaty was signed on January 20, 2022 in the capital.", {"January 20, 2022": "2022-01-20"}),
    ("The treaty was signed on 20 Jan 2022 in the capital.", {"20 Jan 2022": "2022-01-20"}),
    ("Talks resumed on Jan. 20 after a pause.", {"Jan. 20": "2022-01-20"}),
    ("The filing is dated 1/20/2022 and 2022-01-19.", {"1/20/2022": "2022-01-20", "2022-01-19": "2022-01-19"}),
    ("The mayor took office in October 2019.", {"October 2019": "2019-10"}),
    ("The bridge was built in 2003.", {"2003": "2003"}),
    ("Prices soared in the 1990s and in the 19th century.", {"the 1990s": "199", "the 19th century": "18"}),
    # Broadcast transcripts say the year in words.
    ("Prices fell in January nineteen ninety-seven.", {"January nineteen ninety-seven": "1997-01"}),
    ("Oil hit its low in the winter of nineteen ninety-four.", {"the winter of nineteen ninety-four": "1994-WI"}),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", EXPLICIT)
def test_timex_explicit_dates(parse_text, text, expected):
    check(parse_text, text, FRIDAY, expected)


WEEKDAYS = [
    ("The minister resigned on Thursday.", FRIDAY, {"Thursday": "2022-01-20"}),
    ("The minister said Friday that talks would go on.", FRIDAY, {"Friday": "2022-01-21"}),
    ("The council will vote on Monday.", FRIDAY, {"Monday": "2022-01-24"}),
    ("Rebels attacked a base last Friday.", WEDNESDAY, {"last Friday": "2022-01-21"}),
    ("The talks start next Tuesday.", FRIDAY, {"next Tuesday": "2022-01-25"}),
    ("Fighting went on until Wednesday.", WEDNESDAY, {"Wednesday": "2022-01-26"}),
    ("No ships have sailed since Monday.", WEDNESDAY, {"Monday": "2022-01-24"}),
    # A verb that moves things later makes "until" point forward in a past sentence.
    ("The judge adjourned the hearing until Monday.", WEDNESDAY, {"Monday": "2022-01-31"}),
    ("The vote was postponed until Monday.", WEDNESDAY, {"Monday": "2022-01-31"}),
    ("Rescuers searched the river until Monday.", WEDNESDAY, {"Monday": "2022-01-24"}),
    ("The envoy spoke later Friday.", FRIDAY, {"later Friday": "2022-01-21"}),
    # An infinitive after an intent verb or "be" is scheduled, so it points forward in a past sentence.
    ("Unions were planning to march on Monday.", FRIDAY, {"Monday": "2022-01-24"}),
    # ... but a day fronted before a past intent verb is when the plan was made.
    ("On Tuesday, the government planned new talks with the unions.", FRIDAY, {"Tuesday": "2022-01-18"}),
    ("On Tuesday, the council is expected to vote on the budget.", FRIDAY, {"Tuesday": "2022-01-25"}),
    ("The exchange said the stock is to resume trading Tuesday.", FRIDAY, {"Tuesday": "2022-01-25"}),
    ("The aid was sent by road and should arrive Tuesday.", FRIDAY, {"Tuesday": "2022-01-25"}),
    # An intent verb's object before the infinitive, an adjective before "to", a plan's noun
    # after a participle, a verb that calls something off: all look ahead.
    ("Police warned drivers to expect heavy traffic on Tuesday morning.", FRIDAY, {"Tuesday morning": "2022-01-25TMO"}),
    ("The city's summer festival is due to open on Saturday.", FRIDAY, {"Saturday": "2022-01-22"}),
    ("The two camps agreed to a televised debate on Thursday.", FRIDAY, {"Thursday": "2022-01-27"}),
    ("It will stay cold and unsettled through the weekend.", date(2022, 1, 24), {"the weekend": "2022-W04-WE"}),
    ("The ferry company cancelled its sailings for Wednesday.", date(2022, 1, 25), {"Wednesday": "2022-01-26"}),
    ("It had been due to expire Friday evening.", date(2022, 1, 24), {"Friday evening": "2022-01-21TEV"}),
    # A participle under an urging verb with no infinitive after it has that verb's past tense.
    ("Mhango, speaking at State House in Lilongwe late on Tuesday, urged calm and said he had invited Kalua to talks.",
     date(2022, 1, 26), {"Tuesday": "2022-01-25"}),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,published,expected", WEEKDAYS)
def test_timex_weekdays_follow_the_tense(parse_text, text, published, expected):
    check(parse_text, text, published, expected)


RELATIVE = [
    ("Officials met today and yesterday.", {"today": "2022-01-21", "yesterday": "2022-01-20"}),
    ("The vote is tomorrow.", {"tomorrow": "2022-01-22"}),
    ("The strike began two days ago.", {"two days ago": "2022-01-19"}),
    ("A ruling is due two weeks from today.", {"two weeks from today": "2022-W05"}),
    ("Prices rose last week.", {"last week": "2022-W02"}),
    ("Sales fell this month.", {"this month": "2022-01"}),
    ("Profits rose last month.", {"last month": "2021-12"}),
    ("The plant opens next year.", {"next year": "2023"}),
    ("The firm was sold earlier this year.", {"earlier this year": "2022"}),
    ("Troops withdrew in August.", {"August": "2021-08"}),
    ("The group lost its last town in early 2019.", {"early 2019": "2019"}),
    ("The firm was sold late last year.", {"late last year": "2021"}),
    ("The dam flooded last summer.", {"last summer": "2021-SU"}),
    ("Orders recovered from the low levels of the early summer.", {"the early summer": "2021-SU"}),
    # A weekend in a present sentence is the coming one: a forecast.
    ("Forecasters say a cold front brings relief over the weekend.", {"the weekend": "2022-W03-WE"}),
    ("Earnings fell in the third quarter.", {"the third quarter": "2021-Q3"}),
    # A day named inside a week makes the whole week (TimeML's ISO week).
    ("A hearing is set for the week of March 6.", {"the week of March 6": "2022-W09"}),
    ("Pilgrims will arrive as Easter week begins.", {"Easter week": "2022-W15"}),
    ("Talks failed in April, and guards exchanged fire the same month.", {"the same month": "2021-04"}),
    ("He opened a school in 1972, and by the end of the decade his parishes ran 40 schools.", {"the end of the decade": "197"}),
    ("Stores will be busy over the Easter weekend.", {"the Easter weekend": "2022-W15-WE"}),
    ("The economy grew slowly in the January-March quarter.", {"the January-March quarter": "2022-Q1"}),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", RELATIVE)
def test_timex_relative_days_and_spans(parse_text, text, expected):
    check(parse_text, text, FRIDAY, expected)


def test_timex_narrative_reference(parse_text):
    text = "The company lost money in the third quarter of 2019. A year earlier, it had made a profit."
    check(parse_text, text, FRIDAY, {"the third quarter of 2019": "2019-Q3", "A year earlier": "2018-Q3"})


def test_timex_previous_counts_from_the_narrative_day():
    text = "Prices fell on Tuesday, down from the previous Friday. The previous week they rose."
    monday = date(2022, 1, 31)
    # Not the Friday or the week before publication, but before the Tuesday the story is on.
    assert values_of(text, monday)["the previous Friday"] == "2022-01-21"
    text = "Prices fell on Tuesday. The previous week they rose."
    assert tag(unparsed(text, monday))[1].value == "2022-W03"


def test_timex_the_next_week_counts_from_the_narrative_unless_it_stretches_ahead():
    text = "Police searched her office on Feb. 8, 2019, and she resigned the next week."
    assert values_of(text, FRIDAY)["the next week"] == "2019-W07"
    text = "The plant opened in March 2019. The minister will decide within the next week."
    assert values_of(text, FRIDAY)["next week"] == "2022-W04"


def test_timex_that_night_is_the_night_told_last():
    text = "The river burst its banks on Saturday night. Rescuers found two hikers late Sunday. Residents fled that night."
    assert values_of(text, date(2022, 1, 24))["that night"] == "2022-01-22TNI"


def test_timex_a_year_describing_a_noun_does_not_move_the_narrative():
    text = ("The singer died on Saturday. Fans played his 2014 hit outside the house. "
            "The minister visited the family that afternoon.")
    assert values_of(text, date(2022, 1, 24))["that afternoon"] == "2022-01-22TAF"
    text = "The singer died on Saturday. In 2014 he toured Europe. He met his wife that afternoon."
    assert values_of(text, date(2022, 1, 24))["that afternoon"] == "2014-XX-XX"


def test_timex_calling_on_people_to_act_looks_ahead_and_calling_a_vote_does_not():
    text = "Jane Doe said the ruling was bad and called on her supporters to march again on Friday."
    assert values_of(text, date(2022, 1, 26))["Friday"] == "2022-01-28"
    text = "The speaker called a vote on Friday."
    assert values_of(text, date(2022, 1, 26))["Friday"] == "2022-01-21"


def test_timex_clock_times_with_zones_and_their_bracketed_conversions():
    text = ("A tree fell at about 0300 GMT. Orders will open at 9 a.m. ET Wednesday. "
            "The blast occurred at 10:35 a.m. (0735 GMT) on Friday.")
    found = values_of(text, FRIDAY)
    assert found["9 a.m. ET Wednesday"] == "2022-01-26T09:00"
    assert found["about 0300 GMT"] == "2022-01-21T03:00"
    assert "0735 GMT" not in found


def test_timex_an_expression_opening_a_sentence_takes_the_tense_of_its_own_sentence():
    text = "She said she was not sure she would start. Friday's final training run was cancelled."
    assert values_of(text, date(2022, 1, 22))["Friday"] == "2022-01-21"


def test_timex_an_evening_clock_time_is_on_the_day_told_late_on():
    text = ("A rock burst killed two miners late on Monday, and rescuers were digging on Tuesday. "
            "The tremor struck at about 10:40 p.m. in a tunnel.")
    assert values_of(text, date(2022, 1, 25))["about 10:40 p.m."] == "2022-01-24T22:40"


def test_timex_a_past_clock_time_is_not_on_a_day_the_narrative_looks_ahead_to():
    text = "Talks are to resume on September 20. Miners refused to go underground when the shift began at 6 a.m."
    assert values_of(text, date(2022, 7, 19))["6 a.m."] == "2022-07-19T06:00"
    text = "The vote will be held on Sunday. Polls will open at 7 a.m."
    assert values_of(text, date(2022, 7, 19))["7 a.m."] == "2022-07-24T07:00"


def test_timex_a_half_already_over_in_a_present_sentence_is_the_coming_one():
    text = "Nobody is pricing in a sale before the second half."
    assert values_of(text, date(2022, 2, 15))["the second half"] == "2022-H2"


def test_timex_mid_morning_and_through_the_night_are_parts_of_the_narrative_day():
    found = values_of("Miners walked out on Tuesday. Production had stopped by mid-morning. Crews worked through the night.",
                      date(2022, 7, 20))
    assert (found["mid-morning"], found["the night"]) == ("2022-07-19TMO", "2022-07-19TNI")


def test_timex_a_fraction_of_the_finest_unit_keeps_its_decimals():
    found = values_of("She finished 0.31 seconds ahead of her rival.", FRIDAY)
    assert found["0.31 seconds"] == "PT0.31S"


def test_timex_from_now_on_is_no_date_and_consecutive_counts_the_units():
    text = "The firm will release updates every six weeks from now on. Jobs grew for 67 consecutive months."
    found = values_of(text, FRIDAY)
    assert (found["every six weeks"], found["now"], found["67 consecutive months"]) == ("P6W", "PRESENT_REF", "P67M")


def test_timex_a_flashback_does_not_move_the_narrative():
    text = "She left work on Jan. 18. The day before, she had called her sister. Her car was found the next morning."
    found = values_of(text, FRIDAY)
    assert found["The day before"] == "2022-01-17" and found["the next morning"] == "2022-01-19TMO"


def test_timex_the_week_is_the_week_of_the_narrative_day():
    text = "The index slid on Wednesday and Thursday. For the week, it lost 2%."
    assert values_of(text, date(2022, 1, 24))["the week"] == "2022-W03"


def test_timex_same_day_of_a_month_is_a_day_left_unknown():
    text = "The site went online in October 2019. It was shut down that same day."
    assert values_of(text, FRIDAY)["that same day"] == "2019-10-XX"


@pytest.mark.slow
def test_timex_report_day_does_not_move_the_narrative_day(parse_text):
    # The storm hit on Sunday; "said Monday" dates the report, so the bare clock time is Sunday's.
    text = "The storm hit the coast on Sunday, officials said Monday. It made landfall shortly after 3 a.m."
    check(parse_text, text, date(2022, 1, 24), {"Sunday": "2022-01-23", "3 a.m.": "2022-01-23T03:00"})


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("The minister will resign on Thursday.", "2022-01-27"),
    ("The minister resigned on Thursday.", "2022-01-20"),
    # The verb before the expression governs it, not the nearest one after it.
    ("Miners staged a rally on Thursday and will block roads next.", "2022-01-20"),
    ("Crowds gathered and were planning to march on Thursday.", "2022-01-27"),
    ("The stock is to resume trading Thursday.", "2022-01-27"),
])
def test_timex_tense_from_tags_alone_when_unparsed(text, expected):
    """``kg dates`` tags only the sentences that need a tense, without the attribute ruler (no POS)."""
    assert unparsed_values(text, FRIDAY)["Thursday"] == expected


@pytest.mark.parametrize("text,expected", [
    # An abbreviation's full stop does not end the sentence that holds the verb.
    ("The fund bought shares from Sept. 14 to Thursday at $15 each.", "2022-01-20"),
    # "set aside" is not the intent verb "set (for)"; "scheduled a vote" still announces a plan.
    ("On Thursday, when the minister set aside his plans, talks resumed.", "2022-01-20"),
    ("The council scheduled a vote Thursday.", "2022-01-27"),
    # "set" announces a plan only before "to"/"for": with an object it is a past act.
    ("Rioters set fire to a cellblock late Thursday.", "2022-01-20"),
    ("The vote was set for Thursday.", "2022-01-27"),
    # A possessive day is named for what happened on it, unless the sentence looks ahead.
    ("The offer is a premium over Thursday's closing price.", "2022-01-20"),
    ("Thursday's vote will decide the matter.", "2022-01-27"),
])
def test_timex_tense_verb_found_past_abbreviations_and_phrasal_verbs(text, expected):
    """Published on a Monday, so the nearest Thursday is the coming one: only a past verb turns it back."""
    found = unparsed_values(text, date(2022, 1, 24))
    assert found.get("Thursday", found.get("late Thursday")) == expected



@pytest.mark.parametrize("text,month,expected", [
    # Written in October: a past verb names the February behind, not the one three months ahead ...
    ("Since the fund bought the chain in February, it has sold two units.", "February", "2022-02"),
    ("In February, the board brought in a new chief executive.", "February", "2022-02"),
    # ... unless the clause looks ahead: "payable", "effective", or an infinitive after "agreed to".
    ("The board declared a dividend, payable Dec. 15.", "Dec. 15", "2022-12-15"),
    ("The chief executive resigned, effective Feb. 1.", "Feb. 1", "2023-02-01"),
    ("The firm agreed to buy the plant for $20 million in February.", "February", "2023-02"),
    ("The firm agreed in February to buy the plant.", "February", "2022-02"),
    # A date two months ahead stays ahead: the verb read may be another clause's.
    ("The premier called a snap election for Dec. 13 on Thursday.", "Dec. 13", "2022-12-13"),
])
def test_timex_month_names_follow_the_tense_across_the_year(text, month, expected):
    assert unparsed_values(text, date(2022, 10, 27))[month] == expected

def unparsed_values(text: str, published: date) -> dict[str, str]:
    from kg import nlp

    article = Article("a.txt", text, "a.txt", publication_date=published)
    return {t.text: t.value for t in tag(nlp.unparsed(article, [Block(0, len(text))]))}


TIMES = [
    # A preposition ends an expression (TimeML), but the clock time is on the day named after it.
    ("The blast happened at 3 p.m. on Thursday.", {"3 p.m.": "2022-01-20T15:00", "Thursday": "2022-01-20"}),
    ("The fire broke out at 11 p.m. on Nov. 3, 1998.", {"11 p.m.": "1998-11-03T23:00", "Nov. 3, 1998": "1998-11-03"}),
    # A part of the day told from the narrative's day.
    ("She left work on Jan. 18. Her car was found the next morning. A neighbor saw it that night.",
     {"the next morning": "2022-01-19TMO", "that night": "2022-01-19TNI"}),
    ("Protesters gathered Thursday morning.", {"Thursday morning": "2022-01-20TMO"}),
    ("The minister spoke this morning.", {"this morning": "2022-01-21TMO"}),
    ("The mood changed at about 10:15 this morning.", {"about 10:15 this morning": "2022-01-21T10:15"}),
    ("He must surrender his passport by 5 p.m. today and decide by noon tomorrow.",
     {"5 p.m. today": "2022-01-21T17:00", "noon tomorrow": "2022-01-22T12:00"}),
    ("My shift starts at six tomorrow morning.", {"six tomorrow morning": "2022-01-22T06:00"}),
    # "overnight": last night in a past sentence, tonight in a forecast.
    ("Engineers replaced the valve overnight.", {"overnight": "2022-01-20TNI"}),
    ("Gusts of up to 130 km/h are expected along the coast overnight.", {"overnight": "2022-01-21TNI"}),
    ("The polls close at 3pm Friday.", {"3pm Friday": "2022-01-21T15:00"}),
    ("The ferry leaves at 4 in the morning.", {"4 in the morning": "2022-01-21T04:00"}),
    ("The curfew starts at 10 at night.", {"10 at night": "2022-01-21T22:00"}),
    ("We heard shooting from three in the morning.", {"three in the morning": "2022-01-21T03:00"}),
    # The small hours after a night told are the next day's.
    ("The storm strengthened late Wednesday night. It came ashore at 4:10 a.m.",
     {"late Wednesday night": "2022-01-19TNI", "4:10 a.m.": "2022-01-20T04:10"}),
    # A part of the day told without its day is the narrative's day.
    ("Rebels seized the station on Tuesday before dawn. They surrendered late in the afternoon.",
     {"Tuesday": "2022-01-18", "dawn": "2022-01-18TMO", "the afternoon": "2022-01-18TAF"}),
    ("The village was buried before dawn Wednesday.", {"dawn Wednesday": "2022-01-19TMO"}),
    # ... and a part of the day before a noun names no time.
    ("Gang members attacked guards during the evening headcount.", {}),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", TIMES)
def test_timex_times_of_day(parse_text, text, expected):
    check(parse_text, text, FRIDAY, expected)


@pytest.mark.parametrize("published,expected", [(date(2028, 3, 8), "2028-02-29"), (date(2027, 3, 8), "2028-02-29")])
def test_timex_leap_day_is_a_day_of_a_leap_year(parse_text, published, expected):
    check(parse_text, "She was detained on Feb. 29.", published, {"Feb. 29": expected})


BUSINESS_AND_CALENDAR = [
    # Earnings news: quarters are the latest begun; "a year earlier" is the same quarter a year before,
    # and a comparison does not move the narrative ("the latest quarter" stays the reported one).
    ("Profit rose in the third quarter. Sales fell from a year earlier. The latest quarter was weak.",
     date(2021, 10, 27), {"the third quarter": "2021-Q3", "a year earlier": "2020-Q3", "The latest quarter": "2021-Q3"}),
    # ... unless that one ended long ago and the sentence looks ahead: a forecast.
    ("The firm expects a loss in the first quarter and for this year.", date(2021, 10, 27),
     {"the first quarter": "2022-Q1", "this year": "2021"}),
    ("Analysts expected the bank to wait until the second quarter.", date(2023, 1, 9), {"the second quarter": "2023-Q2"}),
    ("The company earned $5 million in the fiscal first quarter.", date(2021, 10, 27), {"the fiscal first quarter": "2021-Q1"}),
    ("The plan was approved last April.", date(2021, 10, 27), {"last April": "2021-04"}),
    ("The boy was rescued on Thanksgiving Day.", date(2021, 12, 10), {"Thanksgiving Day": "2021-11-25"}),
    ("Voters went to the polls on Election Day.", date(2021, 11, 10), {"Election Day": "2021-11-02"}),
    ("Crowds gathered at Easter 2024 and on Christmas Eve.", date(2024, 12, 30),
     {"Easter 2024": "2024-03-31", "Christmas Eve": "2024-12-24"}),
    ("He returned two days after the vote, and a month before the talks.", FRIDAY,
     {"two days": "P2D", "a month": "P1M"}),
    # A quarter compared with its year-ago counterpart keeps the quarter grain; "the 2020 period"
    # is the reported quarter in the year named.
    ("Net rose in the third quarter. In the year-ago quarter it lost money. The 2020 period had a charge.",
     date(2021, 10, 27), {"the third quarter": "2021-Q3", "the year-ago quarter": "2020-Q3", "The 2020 period": "2020-Q3"}),
    ("Sales were flat, against the same period last year and last year's quarter.", date(2021, 10, 27),
     {"the same period last year": "2020-Q3", "last year's quarter": "2020-Q3"}),
    # ... and a month compared with a year earlier keeps the month.
    ("Output grew 4.1 percent in November from a year earlier.", date(2023, 1, 9),
     {"November": "2022-11", "a year earlier": "2021-11"}),
    ("Prices rose in July. They were 1.6 percent higher than a year ago.", date(2002, 8, 15),
     {"July": "2002-07", "a year ago": "2001-07"}),
    ("He resigned in January. His deputy had resigned a year ago.", date(2002, 8, 15), {"a year ago": "2001"}),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,published,expected", BUSINESS_AND_CALENDAR)
def test_timex_business_periods_holidays_and_clause_durations(parse_text, text, published, expected):
    check(parse_text, text, published, expected)


RANGES_AND_HALVES = [
    # Each end of a range is its own expression; the second end takes the month (and year) the range gives.
    ("The summit was held on April 24 and 25.", date(2021, 10, 27), {"April 24": "2021-04-24", "25": "2021-04-25"}),
    ("The games were held April 24 and 25, 1999.", FRIDAY, {"April 24": "1999-04-24", "25, 1999": "1999-04-25"}),
    ("The shop was closed Dec. 24-26.", FRIDAY, {"Dec. 24": "2021-12-24", "26": "2021-12-26"}),
    ("The exhibition ran from March to May 1999.", FRIDAY, {"March": "1999-03", "May 1999": "1999-05"}),
    ("Prices rose between 1990 and 1995.", FRIDAY, {"1990": "1990", "1995": "1995"}),
    ("Output slowed in the last half of 1989 and the first half of 1990.", FRIDAY,
     {"the last half of 1989": "1989-H2", "the first half of 1990": "1990-H1"}),
    # A half without a year is the latest one begun, as for quarters in earnings news ...
    ("The company expects profit to rise in the second half.", date(2021, 10, 27), {"the second half": "2021-H2"}),
    ("Profit rose in the second half, the company said.", FRIDAY, {"the second half": "2021-H2"}),
    # ... unless the sentence looks ahead to one not begun yet.
    ("The company expects profit to rise in the second half.", FRIDAY, {"the second half": "2022-H2"}),
    ("Sales recovered after a sluggish second half of 2021.", FRIDAY, {"second half of 2021": "2021-H2"}),
    # "the past decade" lasts ten years up to now; "the last decade" is the decade before this one.
    ("Crime has fallen over the past decade.", FRIDAY, {"the past decade": "P10Y"}),
    ("Crime fell in the last decade.", FRIDAY, {"the last decade": "201"}),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,published,expected", RANGES_AND_HALVES)
def test_timex_ranges_halves_and_decades(parse_text, text, published, expected):
    check(parse_text, text, published, expected)


@pytest.mark.parametrize(
    "text,title",
    [
        ("She appeared on This Week With Anna Berg. Last Week, she said.", "This Week"),
        ('He said on CBS\'s "60 Minutes." Nothing else.', "60 Minutes"),
        ("This is Radio Today. It airs daily.", "Today"),
        ('He showed a still from the film "High Noon." It helped.', "Noon"),
        ('Speaking on "This Week," she said so.', "This Week"),
    ],
)
def test_timex_programme_title_is_not_a_date(text, title):
    assert title not in {t.text for t in tag(unparsed(text, FRIDAY))}


@pytest.mark.parametrize(
    "text,dated",
    [
        ("Thousands joined the annual March for Life on Sunday.", False),
        ("She led a March on Washington.", False),
        ("The hearing was held in March on Capitol Hill.", True),
        ("He will leave in May on Friday.", True),
        ("The satellite rode a Long March rocket into orbit.", False),
        ("Officials said March sales fell.", True),
    ],
)
def test_timex_march_named_after_a_cause_is_not_the_month(text, dated):
    assert any(t.text in ("March", "May") for t in tag(unparsed(text, FRIDAY))) is dated


@pytest.mark.parametrize("text,expression", [("Last Week, she said so.", "Last Week"), ('"Today is the day," he said.', "Today")])
def test_timex_capitalised_at_sentence_start_is_a_date(text, expression):
    assert expression in {t.text for t in tag(unparsed(text, FRIDAY))}


NOT_TIME_EXPRESSIONS = [
    "Nobody was even talking about a quarter point.",  # a share of a percentage point
    "The mood at headquarters on election day was tense.",  # a holiday is a name: this is the story's vote
    "The plan saves $500 million a year and adds 700 seats a week.",  # rates
    "A second group of directors resigned.",  # an ordinal
    "The company cut its quarterly dividend.",  # an adjective annotation leaves out
    "He will leave as soon as the talks end.",
    "Sales should rise 8.5% annually and the plant makes 10,000 units annually.",  # growth rates
    "He was freed soon after the talks.",  # "soon after" relates two events, it dates none
    "The currency has lost twenty six percent of its value.",  # a count, not the year 2006
    "The country imports three-quarters of its food and a quarter of its fuel.",  # shares
]


@pytest.mark.parametrize("text", NOT_TIME_EXPRESSIONS)
def test_timex_leaves_out_rates_ordinals_and_idioms(text):
    assert tag(unparsed(text, FRIDAY)) == []


DURATIONS_SETS_REFS = [
    ("The siege was planned over six months.", {"over six months": "P6M"}, "DURATION"),
    ("The war lasted a decade.", {"a decade": "P10Y"}, "DURATION"),
    ("He served 10 years in prison.", {"10 years": "P10Y"}, "DURATION"),
    ("The talks lasted an hour and a half.", {"an hour and a half": "PT1H30M"}, "DURATION"),
    ("For half a century people asked why, and the talks lasted half an hour.",
     {"half a century": "P50Y", "half an hour": "PT30M"}, "DURATION"),
    ("Consumer prices rose 0.6 percent year-on-year.", {"year-on-year": "P1Y"}, "DURATION"),
    ("The final lasted two hours and 14 minutes.", {"two hours and 14 minutes": "PT2H14M"}, "DURATION"),
    ("The talks were the most productive in years.", {"years": "PXY"}, "DURATION"),
    ("He served three years and six months.", {"three years and six months": "P3Y6M"}, "DURATION"),
    ("A minute and a half later, a pilot called.", {"A minute and a half later": "PT1M30S"}, "DURATION"),
    # An unknown count after the narrative's time says how long after, not when.
    ("The firm resigned. A few days later, it sued.", {"A few days later": "PXD"}, "DURATION"),
    ("The market opens every Friday.", {"every Friday": "XXXX-WXX-5"}, "SET"),
    ("Pupils have no lessons on Friday afternoons.", {"Friday afternoons": "XXXX-WXX-5TAF"}, "SET"),
    ("Residents heard explosions every night.", {"every night": "XXXX-XX-XXTNI"}, "SET"),
    ("Fishing fleets arrive every summer and leave each October.",
     {"every summer": "XXXX-SU", "each October": "XXXX-10"}, "SET"),
    ("What happens in the days ahead?", {"the days ahead": "PXD"}, "DURATION"),
    ("The move comes barely a month after the crash.", {"barely a month": "P1M"}, "DURATION"),
    ("The paper appears weekly.", {"weekly": "P1W"}, "SET"),
    ("He gave his weekly address.", {"weekly": "P1W"}, "SET"),
    ("The town is now calm.", {"now": "PRESENT_REF"}, "DATE"),
    ("The town was recently shelled.", {"recently": "PAST_REF"}, "DATE"),
    ("Peace may come in the future.", {"the future": "FUTURE_REF"}, "DATE"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected,timex_type", DURATIONS_SETS_REFS)
def test_timex_durations_sets_and_vague_references(parse_text, text, expected, timex_type):
    check(parse_text, text, FRIDAY, expected)
    assert {t.type for t in tag(parse_text(text, published=FRIDAY)) if t.text in expected} == {timex_type}


@pytest.mark.slow
def test_timex_fields_explain_the_value(parse_text):
    (friday,) = tag(parse_text("The minister resigned on Friday.", published=WEDNESDAY))
    assert (friday.text, friday.type, friday.grain, friday.rule) == ("Friday", "DATE", "day", "weekday")
    assert friday.anchor == WEDNESDAY and friday.first_day == friday.last_day == date(2022, 1, 21)
    (week,) = tag(parse_text("Prices rose last week.", published=FRIDAY))
    assert (week.grain, week.first_day, week.last_day) == ("week", date(2022, 1, 10), date(2022, 1, 16))


@pytest.mark.slow
def test_timex_without_publication_date_leaves_relative_out(parse_text):
    found = values(parse_text("The vote was yesterday, on Friday, in August and in 2003.", published=None))
    assert found == {"Friday": "XXXX-WXX-5", "August": "XXXX-08", "2003": "2003"}


@pytest.mark.slow
def test_timex_only_inside_content_blocks(parse_text):
    text = "Menu: Tuesday deals\n\nThe minister resigned on Thursday."
    parsed = parse_text(text, published=FRIDAY)
    inner = ParsedArticle(parsed.article, parsed.blocks[1:], parsed.tokens, parsed.sentences, parsed.named_spans)
    assert [t.text for t in tag(inner)] == ["Thursday"]


# ---------------------------------------------------------------- no model below


def unparsed(text: str, published: date | None) -> ParsedArticle:
    """An article with one block and no parse: the tagger must cope without tense."""
    article = Article("fuzz.txt", text, "fuzz.txt", publication_date=published)
    return ParsedArticle(article, (Block(0, len(text)),), (), (), ())


WORDS = st.sampled_from(
    "last next this the a two 12 1990s 2019 January Jan. 20 20th Friday morning night ago earlier later "
    "week weekend month year decade century quarter third summer early late mid every daily now recently "
    "future since until by on in at 3 p.m. noon today yesterday tomorrow years days ' , . - / : of".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS | st.text(max_size=4), max_size=30), st.none() | st.dates(date(1, 1, 1), date(9999, 12, 31)))
def test_timex_fuzz_never_crashes_and_values_are_timex3(words, published):
    text = " ".join(words)
    found = tag(unparsed(text, published))
    for t in found:
        assert TIMEX3_VALUE.fullmatch(t.value), t
        assert text[t.start : t.end] == t.text and t.type in ("DATE", "TIME", "DURATION", "SET")
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


class _FakeDate(dt.date):
    fake_today = dt.date(1971, 1, 1)

    @classmethod
    def today(cls):
        return cls.fake_today


@pytest.mark.parametrize("fake_today", [date(1971, 1, 1), date(2049, 7, 15)])
def test_timex_output_does_not_depend_on_the_clock(monkeypatch, fake_today):
    text = "On Friday officials said that last week, two days ago and in August prices rose; next year too."
    expected = [(t.text, t.value) for t in tag(unparsed(text, WEDNESDAY))]
    _FakeDate.fake_today = fake_today
    for module in ("kg.timex.resolve", "kg.timex.extract", "kg.timex.tense"):
        monkeypatch.setattr(importlib.import_module(module), "date", _FakeDate, raising=False)
    monkeypatch.setattr("time.time", lambda: dt.datetime(fake_today.year, 1, 1).timestamp())
    assert [(t.text, t.value) for t in tag(unparsed(text, WEDNESDAY))] == expected
    assert expected  # the text has dates: the test compares something
