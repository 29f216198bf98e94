import pytest

from generator.importer.dates import find_date, find_number


@pytest.mark.parametrize(("text", "iso"), [
    ("January 10,2000", "2000-01-10"), ("March 30, 2010", "2010-03-30"),
    ("January 25 2015", "2015-01-25"), ("July 15 2016", "2016-07-15"),
    ("2012/4/18", "2012-04-18"), ("2014-02-11", "2014-02-11"),
    ("2012年07月06日 10時24分", "2012-07-06"), ("(2015-06)", "2015-06"),
    ("June 24th, 2016", "2016-06-24"), ("24 June 2016", "2016-06-24")])
def test_forms(text: str, iso: str) -> None:
    found = find_date(text)
    assert found and found.iso == iso and not found.guess


def test_typo_is_a_guess() -> None:
    found = find_date("Mayh 20,2000")
    assert (found.iso, found.guess) == ("2000-05-20", "Mayh")


def test_no_date() -> None:
    assert find_date("February 30, 2010") is None and find_date("No.13") is None


@pytest.mark.parametrize(("text", "number"), [
    ("N0.210", 210), ("No. 6", 6), ("No.13", 13), ("第13期", 13), ("Nov. 2000", None)])
def test_numbers(text: str, number: int | None) -> None:
    assert find_number(text) == number
