"""The stage dataclasses and their JSON-ready form (kg.model)."""

from __future__ import annotations

from datetime import date

from kg.model import Event, EventMention, TimeExpression, from_data, to_data

TIME = TimeExpression(5, 11, "Friday", "DATE", "2022-01-21", "day", "weekday", date(2022, 1, 21), date(2022, 1, 21), date(2022, 1, 21))
MENTION = EventMention("a.txt", 0, 4, "raid", "Attack", "raid", 0, 20, actors=("organization/acme",), time=TIME, count=3)
EVENT = Event("event/2022-01-21-attack", "Attack", "Attack by Acme", (MENTION,), actors=("organization/acme",), value="2022-01-21", grain="day", first_day=date(2022, 1, 21), last_day=date(2022, 1, 21))


def test_model_to_data_is_plain_json():
    data = to_data(EVENT)
    assert data["first_day"] == "2022-01-21"
    assert data["mentions"][0]["time"]["anchor"] == "2022-01-21"
    assert data["actors"] == ["organization/acme"]


def test_model_from_data_inverts_to_data():
    assert from_data(Event, to_data(EVENT)) == EVENT


def test_model_from_data_ignores_unknown_keys():
    assert from_data(TimeExpression, {**to_data(TIME), "added_later": 1}) == TIME
