"""checker/parse/rights_parts.py: breakdowns of a person's amount whose parts add up to it and hold
shares the person may acquire; whether a stated count's words say it adds such shares."""
from __future__ import annotations

from checker.parse.rights_parts import count_adds_rights, read_rights_parts

LABELLED = ("(a) As of February 9, 2004, Mr. DeMare owned beneficially 1,169,725 (7.7%,\n"
            "based upon 15,134,200 shares outstanding as of February 9, 2004) of the\n"
            "Issuer's common shares. Mr. DeMare's beneficial ownership includes:\n\n"
            "Individually, 658,575 shares of the Issuer's common stock, options to\n"
            "acquire an additional 166,000 common shares, including 41,000 at a price of\n"
            "CDN$0.23/share, 20,000 at CDN$0.55/share, 65,000 at CDN$0.57 and 40,000 at\n"
            "CDN$1.16.\n\nThrough DNG Capital, 145,150 shares of the Issuer's common stock, warrants\n"
            "to acquire an additional 200,000 common shares, including 60,000 at a price\n"
            "of CDN$0.40/share up to December 13, 2004.")


def test_parts_add_up_and_details_of_a_part_are_no_parts():
    [b] = read_rights_parts(LABELLED, {1_169_725})
    assert b.parts == [(658_575, False), (166_000, True), (145_150, False), (200_000, True)]
    assert b.rights == 366_000


def test_an_amount_followed_by_a_comma_and_rights_after_the_figure():
    text = "The Fund owns 1,000,000, consisting of 600,000 shares held directly and 400,000 shares issuable upon the exercise of warrants."
    [b] = read_rights_parts(text, {1_000_000})
    assert b.parts == [(600_000, False), (400_000, True)]


def test_parts_that_pass_or_miss_the_amount_tie_nothing():
    assert read_rights_parts(LABELLED, {1_169_724}) == []
    text = "The Fund owns 1,000,000 shares, including 400,000 shares issuable upon the exercise of warrants."
    assert read_rights_parts(text, {1_000_000}) == []  # one part: 'including' lists only some


def test_no_rights_among_the_parts_or_rights_not_exercisable():
    text = "The Fund owns 1,000,000 shares, consisting of 600,000 shares held directly and 400,000 shares held by its partner."
    assert read_rights_parts(text, {1_000_000}) == []
    text = ("The Fund owns 1,000,000 shares, consisting of 600,000 shares held directly and warrants to purchase "
            "400,000 shares, which are not exercisable within 60 days.")
    assert read_rights_parts(text, {1_000_000}) == []


def test_shares_acquired_by_exercise_are_no_rights():
    text = ("The Fund owns 1,000,000 shares, consisting of 600,000 shares purchased in the open market and "
            "400,000 shares acquired upon the exercise of warrants on March 1, 2025.")
    assert read_rights_parts(text, {1_000_000}) == []
    text = ("The Fund owns 1,000,000 shares, consisting of 600,000 shares purchased in the open market and "
            "400,000 shares to be issued upon the exercise of warrants.")
    assert [b.rights for b in read_rights_parts(text, {1_000_000})] == [400_000]


def test_count_said_to_add_the_rights():
    assert not count_adds_rights([LABELLED], 15_134_200)
    assert count_adds_rights(["Based on 15,134,200 shares outstanding plus 366,000 shares issuable upon exercise."], 15_134_200)
    assert count_adds_rights(["Based on 15,134,200 shares, assuming the exercise of the warrants."], 15_134_200)
    assert count_adds_rights(["Nothing here."], 15_134_200)  # the count's words cannot be read
