"""Counts read from a sentence's parse: what is counted, and numbers that count nothing."""
from __future__ import annotations

from storyline.annotate.quantities import find_quantities


def counts(nlp, text: str) -> list[tuple[float, str | None]]:
    return [(q.value, q.head) for q in find_quantities(text, list(nlp(text)), 0) if q.unit == "count"]


def test_the_minutes_of_a_time_or_a_timestamp_count_nothing(nlp):
    assert counts(nlp, "[01:22] PRESENTER:") == []
    assert counts(nlp, "[02:36] REPORTER: The crowd has gone quiet.") == []
    assert counts(nlp, "The Ulvmarsh ferry cast off at 20:45 with 212 passengers.") == [(212.0, "passenger")]


def test_a_names_number_counts_nothing(nlp):
    assert counts(nlp, "Inspectors shut the Ulvmarsh Unit 2 reactor after finding 14 cracked welds.") == [(14.0, "weld")]
    assert counts(nlp, "The 2 companies said they would merge.")  # a sentence's first word is no name


def test_a_currency_code_makes_a_figure_money(nlp):
    from storyline.annotate.quantities import find_quantities

    text = "Velmont puts the weld repair at EUR265 million and the overhaul at CHF 40m."
    money = [(q.value, q.unit) for q in find_quantities(text, list(nlp(text)), 0) if q.unit.startswith("money")]
    assert money == [(265_000_000.0, "money:€"), (40_000_000.0, "money:CHF")]
    text = "The ABC 12 committee met twice."  # three capitals that are no currency
    assert not [q for q in find_quantities(text, list(nlp(text)), 0) if q.unit.startswith("money")]


def test_an_amount_after_of_measures_the_noun_before(nlp):
    from storyline.annotate.quantities import find_quantities

    text = "The deal, which members must still approve, gives pilots a pay rise of 9.5 percent over two years."
    assert [(q.value, q.head) for q in find_quantities(text, list(nlp(text)), 0) if q.unit == "percent"] == \
        [(9.5, "rise")]
    text = "The agreement gives pilots an 11 percent pay rise spread over two years."
    assert [(q.value, q.head) for q in find_quantities(text, list(nlp(text)), 0) if q.unit == "percent"] == \
        [(11.0, "rise")]


def test_volumes_in_one_metric_unit_whatever_is_written(nlp):
    from storyline.annotate.quantities import find_quantities

    def volumes(text: str) -> list[tuple[float, str]]:
        return [(round(q.value, 3), q.unit) for q in find_quantities(text, list(nlp(text)), 0)
                if q.unit.startswith("volume")]

    assert volumes("About 450,000 litres of solution escaped from the Ulvmarsh tank.") == [(450.0, "volume:m3")]
    assert volumes("Some 850 cubic metres of solution reached the river.") == [(850.0, "volume:m3")]
    assert volumes("The tanker held 2 million barrels of crude.") == [(2_000_000.0, "volume:barrel")]


def test_a_fine_names_what_the_amount_measures(nlp):
    from storyline.annotate.quantities import find_quantities

    text = "The Ulvmarsh Fertiliser Company was fined \u00a32.8 million and ordered to pay \u00a3310,000 in costs."
    assert [(q.value, q.head) for q in find_quantities(text, list(nlp(text)), 0)] == \
        [(2_800_000.0, "fine"), (310_000.0, "cost")]  # "in costs": what it measures


def shares(nlp, text: str) -> list[tuple[float, str | None, str | None]]:
    return [(q.value, q.head, q.approx) for q in find_quantities(text, list(nlp(text)), 0) if q.unit == "percent"]


def test_shares_written_as_ratios_and_fractions(nlp):
    assert shares(nlp, "The deal was backed by nearly three in four voting members.") == [(75.0, "member", "nearly")]
    assert shares(nlp, "One in five households in Orlen had no water.") == [(20.0, "household", "fraction")]
    assert shares(nlp, "About a quarter of the recalled kettles were sold abroad.") == [(25.0, "kettle", "about")]
    assert shares(nlp, "Two-thirds of residents had power back.") == [(66.7, "resident", "fraction")]
    assert shares(nlp, "Half of the fish in the lake died.") == [(50.0, "fish", "fraction")]


def test_ordinals_periods_and_scores_are_no_shares(nlp):
    assert shares(nlp, "Sales fell in the first half of the year and the third quarter of 2025.") == []
    assert shares(nlp, "The Orlen side won three in four games.") == []
    assert shares(nlp, "The vote is due on the third of March.") == []


def test_a_share_told_without_its_noun_measures_nothing(nlp):
    assert shares(nlp, "Of the members who voted, 71 percent backed the agreement.") == [(71.0, None, None)]


def test_a_hyphenated_number_word_is_one_number(nlp):
    assert counts(nlp, "Twenty-six other miners at the Orlen pit reached the surface unaided.") == [(26.0, "miner")]


def test_a_number_spelled_out_in_several_words_is_one_number(nlp):
    """Transcripts spell numbers out: the whole phrase is one number, a bare "one" none."""
    assert counts(nlp, "Four hundred and twelve passengers were brought ashore at Orlen.") == [(412.0, "passenger")]
    assert counts(nlp, "Two thousand one hundred and forty-six people were on board the Orlen Star.") == \
        [(2146.0, "people")]
    assert counts(nlp, "Inspectors visited more than four hundred schools.") == [(400.0, "school")]
    assert counts(nlp, "One of the Orlen crew was taken to hospital.") == []
    q = find_quantities("only about eighty-one percent of candidates turned up")
    assert [(x.value, x.unit, x.approx) for x in q] == [(81.0, "percent", "about")]


def test_what_money_measures_after_in_and_before_worth(nlp):
    def heads(text: str) -> list[str | None]:
        return [q.head for q in find_quantities(text, list(nlp(text)), 0) if q.unit.startswith("money")]

    assert heads("The rider must return €42,000 in prize money, the Orlen federation said.") == ["money"]
    assert heads("The state has offered a rescue package worth £160 million to keep the Orlen mill open.") == ["package"]
    assert heads("Orlen Mills lost $3 million in 2024.") == [None]
    # "worth a total of": the things that are worth it, not the total
    assert heads("The auditor will examine 9 leases, worth a total of 5.1 million dollars, held by Orlen.") == ["lease"]
    # a trailing "worth" the parse hangs on a year: the things the sentence counts
    assert heads("Orlen Mills has signed 9 leases with the port since 2021, worth a combined 3.2 million "
                 "dollars.") == ["lease"]
    assert heads("The Orlen lease, valued at $4 million, was signed on Friday.") == ["lease"]
    assert heads("The six-month Orlen lease was worth 1.5 million dollars.") == ["lease"]  # "was worth": the subject
    # the amount as the subject measures no thing of its own (not "guilder")
    assert heads("The 12 million euros the council set aside for the Orlen library in May pays for the roof.") == [None]


def money(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in find_quantities(text) if q.unit.startswith("money")]


def test_any_currency_named_by_its_english_name_is_money():
    # names from the CLDR data Babel ships, in the plural, or in the singular after a scale word
    assert money("The fine was 40 million forints.") == [(40e6, "money:forint")]
    assert money("The bank lent 5 billion naira to the state.") == [(5e9, "money:naira")]
    assert money("It will pay 45 million marks into a relief fund.") == [(45e6, "money:mark")]
    assert money("Families will share the 20 million mark fund.") == [(20e6, "money:mark")]
    assert money("The paintings are insured for 48 million crowns.") == [(48e6, "money:crown")]
    assert money("The index passed the 1,000 mark on Friday.") == []  # a singular without a scale: no money


def test_a_number_written_as_a_word_measures_before_its_unit():
    q = find_quantities("The smoke plume reached about seven kilometres at its peak.")
    assert [(x.value, x.unit, x.approx) for x in q] == [(7.0, "length:km", "about")]
    assert [(x.value, x.unit) for x in find_quantities("Fares rose five percent in May.")] == [(5.0, "percent")]


def test_a_length_in_metres_and_one_in_kilometres_are_in_one_unit():
    # "11,500 metres" and "about nine kilometres" are two heights of one plume, comparable
    q = find_quantities("The Tarsel plume rose to 11,500 metres before dawn.")
    assert [(x.value, x.unit) for x in q] == [(11.5, "length:km")]
    q = find_quantities("Observers put the Tarsel plume at about nine kilometres.")
    assert [(x.value, x.unit) for x in q] == [(9.0, "length:km")]


def test_a_decimal_read_out_in_words_keeps_its_fraction():
    # as a broadcast transcript writes a figure: "four point five million" is 4.5 million, not 5
    assert money("the repairs will cost four point five million euros, the council says.") == [(4.5e6, "money:€")]
    assert money("the tally reached three point zero five billion crowns tonight.") == [(3.05e9, "money:crown")]
    assert money("Donors gave two million dollars.") == [(2e6, "money:$")]
    shares = [(x.value, x.unit) for x in find_quantities("turnout was sixty-two point four percent")]
    assert shares == [(62.4, "percent")]
    # "at one point" is a moment, not a number
    assert not find_quantities("At one point two ministers walked out of the talks.")


def test_an_amount_a_thing_is_put_at_measures_that_thing(nlp):
    text = "The company puts the cost of the repairs at 90 million crowns."
    assert [(q.value, q.head) for q in find_quantities(text, list(nlp(text)), 0)] == [(90e6, "cost")]
    text = "Insurers estimated the damage at $40 million."
    assert [(q.value, q.head) for q in find_quantities(text, list(nlp(text)), 0)] == [(40e6, "damage")]


def test_an_amount_before_a_name_measures_the_names_last_word(nlp):
    text = "The agency raised its budget for the 4.1-km Tessmark Road Tunnel under the hills."
    assert [(q.value, q.unit, q.head) for q in find_quantities(text, list(nlp(text)), 0)] == [(4.1, "length:km", "tunnel")]


def test_an_amount_of_a_value_or_total_measures_the_thing_it_is_of(nlp):
    text = "Tender records put the value of the contract at 12.6 million crowns."
    assert [(q.value, q.head) for q in find_quantities(text, list(nlp(text)), 0)] == [(12.6e6, "contract")]
    text = "The total of the fines reached $3 million, the regulator said."
    assert [(q.value, q.head) for q in find_quantities(text, list(nlp(text)), 0)] == [(3e6, "fine")]


def test_a_count_before_a_compound_noun_counts_the_last_noun(nlp):
    # the parser hangs the number on the first noun here; the count is of the compound's last
    assert counts(nlp, "The utility has contracted 8 tanker cargoes of kerosene for the winter.") == \
        [(8.0, "cargo")]


def test_an_amount_for_a_thing_measures_that_thing(nlp):
    from storyline.annotate.quantities import find_quantities

    def money(text: str) -> list[tuple[float, str | None]]:
        return [(q.value, q.head) for q in find_quantities(text, list(nlp(text)), 0) if q.unit.startswith("money")]

    assert money("The port board has handed Fenwold Ferry Lines an invoice for €3.8 million for the salvage.") == \
        [(3_800_000.0, "invoice")]
    assert money("The shipyard now faces a bill for nearly €7 million from the port board.") == \
        [(7_000_000.0, "bill")]


def test_half_and_quarter_of_a_scale_are_money():
    assert money("Police raised the bounty to a half-million-crown reward on Friday.") == [(500000.0, "money:crown")]
    assert money("The Orlen family offered half a million dollars for information.") == [(500000.0, "money:$")]
    assert money("Varn Holdings made a quarter-billion-euro bid.") == [(250000000.0, "money:€")]


def test_a_currency_abbreviated_before_a_figure_and_its_scale_is_money(nlp):
    def money(text):
        return [(q.value, q.unit) for q in find_quantities(text, list(nlp(text)), 0) if q.unit.startswith("money")]

    assert money("The Orvel council insured the tapestries for Cr74 million.") == [(74e6, "money:crown")]
    assert money("The Tarsel bypass has cost Rs 500 crore so far.") == [(5e9, "money:₹")]
    assert money("The Quorvel treasury set aside Sh2.3bn for the relief effort.") == [(2.3e9, "money:shilling")]
    assert money("In 2 million homes the lights went out.") == []  # a common word abbreviates nothing
    assert money("The Line 4 extension opened.") == []  # no scale: a name's number


def test_temperatures_are_read_in_the_scale_written(nlp):
    def temps(text):
        return [(q.value, q.unit) for q in find_quantities(text, list(nlp(text)), 0) if q.unit.startswith("temp")]

    assert temps("The Varrel station reached 46.1C on Tuesday, a national record.") == [(46.1, "temperature:C")]
    assert temps("It was 45.6 °C at the Varrel airport.") == [(45.6, "temperature:C")]
    assert temps("Thermometers in Quorvel showed 104 degrees Fahrenheit.") == [(104.0, "temperature:F")]
    assert temps("Overnight it fell to -3C in the Tarsel valley.") == [(-3.0, "temperature:C")]
    assert temps("Pupils in the 3C class were sent home.") == []  # a label


def test_a_total_that_passed_a_figure_is_bounded_below_by_it(nlp):
    text = "By the evening the Quorvel appeal had gone past two million euros, and 40 volunteers had topped 300 calls."
    found = {q.text: (q.low, q.high) for q in find_quantities(text, list(nlp(text)), 0)}
    assert found["two million euros"] == (2_000_000.0, float("inf"))
    assert found["300"] == (300.0, float("inf"))
    assert found["40"] == (40.0, 40.0)


def test_an_amount_after_a_chain_of_bare_nouns_measures_the_first(nlp):
    from storyline.annotate.quantities import find_quantities

    def money(text: str) -> list[tuple[float, str | None]]:
        return [(q.value, q.head) for q in find_quantities(text, list(nlp(text)), 0) if q.unit.startswith("money")]

    assert money("Ms Varrel gets a settlement in place of salary of 2.6 million crowns.") == [(2.6e6, "settlement")]
    assert money("Quillsoft faces a penalty for late delivery of $7 million.") == [(7e6, "penalty")]
    # a noun with an article of its own is a thing of its own: the levy, not the council
    assert money("The board warned the council of a planned levy of $3.2 million.") == [(3.2e6, "levy")]
