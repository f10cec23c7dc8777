"""The PDFs themselves, read back with pypdf: what is printed, on how many pages, and where."""

import io
import os
import re
import shutil
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from milepost.paper import pdf
from milepost.reflection.questions import QUESTIONS

PURPOSE = (
    "Do you feel excited about the journey, and about reaching it?",
    "Would it get you out the door in bad weather and on a busy day?",
    "Does thinking of reaching it make you smile?",
)
PAPER_SIZES = {"a4": (595, 842), "letter": (612, 792)}  # points
PAPERS = list(pdf.PAPERS)


def read(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def text_of(data: bytes) -> str:
    """The text of every page, without the footers, so text that flows on reads as one."""
    text = "\n".join(page.extract_text() for page in read(data).pages)
    return re.sub(r"Milepost · [^\n]* · page \d+ of \d+", "", text)


def squash(text: str) -> str:
    """Text without whitespace: a wrapped line reads back with a line break in it."""
    return "".join(text.split())


def assert_printed(data: bytes, *texts: str) -> None:
    printed = squash(text_of(data))
    for text in texts:
        assert squash(text) in printed, text


def step(title, month=4, day=12, done=False):
    return pdf.StepLine(title, date(2026, month, day), done)


def goal(n: int, n_steps=5, **fields) -> pdf.GoalLine:
    defaults = dict(
        title=f"Goal {n}: run to the lighthouse with Sam and the Sunday crew",
        size="Big",
        horizon="By 3 May 2026",
        feeling="A little scary",
        target="Finish a half marathon",
        why=("Running with people (\u201cmy Sunday crew\u201d)", "Places to run"),
        in_my_words="Sam and I have talked about it for years; the view is worth every step.",
        steps=tuple(
            step(f"Goal {n}, step {i}: a long run of {8 + 2 * i} km on the coast path", 3 + i)
            for i in range(1, n_steps + 1)
        ),
    )
    return pdf.GoalLine(**{**defaults, **fields})


def sheet(*goals, runner="Alice") -> pdf.GoalSheet:
    return pdf.GoalSheet(
        runner, tuple(goals), PURPOSE, date(2026, 3, 5), "from the round of 1 March"
    )


def text_below_bottom_margin(data: bytes) -> list[str]:
    """Every piece of text set below the bottom margin (the footer has the margin's top half)."""
    low = []
    for page in read(data).pages:

        def visit(text, cm, tm, font, size, low=low):
            y = tm[5] * cm[3] + cm[5]
            if text.strip() and y < pdf.MARGIN / pdf.PT - 1:
                low.append(text)

        page.extract_text(visitor_text=visit)
    return low


# --------------------------------------------------------------------------------------------
# The worksheet.


@pytest.mark.parametrize("paper", PAPERS)
def test_the_worksheet_has_the_eight_questions_with_their_prompts(paper):
    data = pdf.worksheet_pdf(QUESTIONS, paper)
    for question in QUESTIONS:
        assert_printed(data, question.title, question.intent, *question.prompts)
    reader = read(data)
    assert len(reader.pages) == 4  # two questions a page, with room to write
    width, height = PAPER_SIZES[paper]
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [width, height]


def test_the_worksheet_can_carry_a_name():
    assert_printed(pdf.worksheet_pdf(QUESTIONS, "a4", runner="Zoë Ólafsdóttir"), "Zoë Ólafsdóttir")


def test_an_unknown_paper_is_refused():
    with pytest.raises(ValueError, match="a4, letter"):
        pdf.worksheet_pdf(QUESTIONS, "a5")


# --------------------------------------------------------------------------------------------
# The goal sheet.


@pytest.mark.parametrize("paper", PAPERS)
def test_three_goals_of_five_steps_fit_one_page_with_everything_on_it(paper):
    goals = [goal(n) for n in (1, 2, 3)]
    data = pdf.goal_sheet_pdf(sheet(*goals), paper)
    assert len(read(data).pages) == 1
    for g in goals:
        assert_printed(data, g.title, g.in_my_words, g.target, *(s.title for s in g.steps))
    assert_printed(data, *PURPOSE, "Running with people (\u201cmy Sunday crew\u201d)")
    assert_printed(data, "by 12 Apr 2026", "Signed", "Date", "Alice")
    assert text_below_bottom_margin(data) == []


def test_open_steps_have_a_box_to_tick_and_done_steps_are_ticked():
    steps = (step("Run 5 km", done=True), step("Run 8 km"))
    assert_printed(pdf.goal_sheet_pdf(sheet(goal(1, steps=steps))), "\u2611Run5kmdone\u2610Run8km")


@pytest.mark.parametrize("paper", PAPERS)
def test_the_longest_goals_wrap_and_flow_on_never_cut(paper):
    """Titles and steps at their 200-character limit, and a why of 1,500 characters."""
    long_title = "Run the whole coastal path from the harbour to the lighthouse " * 4
    word = "Supercalifragilisticexpialidocious" * 6  # no space to break at
    goals = [
        goal(
            n,
            title=(f"{n} " + long_title)[:200],
            in_my_words=f"{word} " + "Because it matters to me and to Sam. " * 40,
            steps=tuple(step((f"{n}.{i} " + long_title)[:200], 3 + i) for i in range(1, 6)),
        )
        for n in (1, 2, 3)
    ]
    data = pdf.goal_sheet_pdf(sheet(*goals), paper)
    assert len(read(data).pages) >= 2
    for g in goals:
        assert_printed(data, g.title, g.in_my_words, *(s.title for s in g.steps))
    assert_printed(data, *PURPOSE, "Signed")
    assert text_below_bottom_margin(data) == []


def test_a_sheet_with_a_little_more_shrinks_a_little_to_stay_on_one_page():
    goals = [goal(n, in_my_words="Because it matters to me and to Sam. " * 6) for n in (1, 2, 3)]
    data = pdf.goal_sheet_pdf(sheet(*goals), "letter")
    assert len(read(data).pages) == 1
    assert_printed(data, *(g.in_my_words for g in goals))


def test_with_no_goals_the_sheet_has_room_to_write_three():
    data = pdf.goal_sheet_pdf(sheet(), "a4")
    assert len(read(data).pages) == 1
    assert_printed(data, "Write yours here", *PURPOSE, "Goal 3", "Signed")


def test_a_goal_without_steps_or_why_leaves_a_line_to_write_them():
    data = pdf.goal_sheet_pdf(sheet(goal(1, n_steps=0, why=(), in_my_words="")))
    assert_printed(data, "Next step:")


# --------------------------------------------------------------------------------------------
# A round's reflection.


def reflection(notes_per_question=1, note="I check my watch stats before coffee.", **fields):
    defaults = dict(
        runner="Alice",
        heading="Round started 1 March 2026",
        reason="A new training cycle.",
        answers=tuple(
            pdf.Answer(q.title, q.intent, (note,) * notes_per_question) for q in QUESTIONS
        ),
        themes=(
            pdf.ThemeLine("Running with people", "Better with company.", "my Sunday crew", True),
            pdf.ThemeLine("Numbers and data", "You love seeing the numbers move."),
        ),
        printed_on=date(2026, 3, 5),
    )
    return pdf.Reflection(**{**defaults, **fields})


@pytest.mark.parametrize("paper", PAPERS)
def test_the_reflection_has_every_note_and_the_confirmed_themes(paper):
    data = pdf.reflection_pdf(reflection(), paper)
    assert_printed(data, *(q.title for q in QUESTIONS), "I check my watch stats before coffee.")
    assert_printed(data, "Running with people", "matters most", "\u201cmy Sunday crew\u201d")
    assert_printed(data, "Numbers and data", "A new training cycle.")


def test_long_notes_flow_over_pages_without_loss():
    note = " ".join(f"word{i}" for i in range(700))  # about 4,000 characters, the note limit
    data = pdf.reflection_pdf(reflection(notes_per_question=2, note=note), "letter")
    assert len(read(data).pages) > 5
    assert squash(text_of(data)).count(squash(note)) == 16
    assert text_below_bottom_margin(data) == []


def test_a_reflection_with_nothing_yet_says_so():
    empty = reflection(answers=(), themes=())
    assert_printed(pdf.reflection_pdf(empty), "No notes yet.", "No themes confirmed yet.")


# --------------------------------------------------------------------------------------------
# Other scripts.

RUNNER_EMOJI = "🏃\u200d\u2640\ufe0f\U0001f3fd"  # a woman running, medium skin tone
WORLD = f"Zoë Ελένη Кириллица 山田花子 שלום عربي {RUNNER_EMOJI} 👍 \U0001f1eb\U0001f1f7 \x07"


def test_greek_cyrillic_and_accents_print_as_written():
    data = pdf.goal_sheet_pdf(sheet(goal(1, title="Ελένη и Зоя: Łódź → Ærøskøbing"), runner=WORLD))
    assert_printed(data, "Ελένη и Зоя: Łódź → Ærøskøbing", "Zoë Ελένη Кириллица")


@pytest.mark.parametrize("paper", PAPERS)
def test_scripts_the_font_lacks_become_placeholders_emoji_words_and_never_crash(paper):
    note = f"{WORLD} and then some"
    thing = reflection(runner=WORLD, note=note)
    for data in (
        pdf.worksheet_pdf(QUESTIONS, paper, runner=WORLD),
        pdf.reflection_pdf(thing, paper),
        pdf.goal_sheet_pdf(sheet(goal(1, title=WORLD, in_my_words=note), runner=WORLD), paper),
    ):
        printed = text_of(data)
        assert "Zoë Ελένη Кириллица □□□□ □□□□ □□□□ (running) (thumbs up) (flag)" in printed
        assert "\x07" not in printed


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("e\u0301te\u0301", "été"),  # decomposed accents are composed first
        ("山田", "□□"),
        ("🏃\u200d\u2640\ufe0f\U0001f3fd!", "(running)!"),  # one emoji, in words
        ("👍🏽👍", "(thumbs up)(thumbs up)"),
        ("Loved it 😊💪 \U0001f9a9", "Loved it 😊(strong) (emoji)"),  # the font has 😊
        ("שלום", "□□□□"),  # right to left, which needs a shaping engine
        ("a\tb\x00c\r\nd", "a bc\nd"),
        ("\ud800", "□"),  # a lone surrogate from broken input
        ("\u3000", " "),
    ],
)
def test_printable(written, printed):
    assert pdf.printable(written) == printed


def test_emoji_in_a_note_and_a_goal_print_as_words_not_boxes():
    note = "Finished smiling 🏃‍♀️😊 with Jo ❤️ 🎉"
    thing = reflection(note=note)
    for data in (
        pdf.reflection_pdf(thing),
        pdf.goal_sheet_pdf(sheet(goal(1, title="Parkrun 🏅", in_my_words=note))),
    ):
        printed = text_of(data)
        assert "□" not in printed
        assert "(running)😊" in printed and "(celebration)" in printed


# --------------------------------------------------------------------------------------------
# A real renderer.

PDFTOPPM = shutil.which("pdftoppm")


@pytest.mark.skipif(not PDFTOPPM and not os.getenv("CI"), reason="pdftoppm (poppler-utils)")
@pytest.mark.parametrize("paper", PAPERS)
def test_poppler_renders_every_page_without_a_complaint(tmp_path, paper):
    documents = {
        "worksheet": pdf.worksheet_pdf(QUESTIONS, paper),
        "reflection": pdf.reflection_pdf(reflection(note=WORLD), paper),
        "goals": pdf.goal_sheet_pdf(sheet(goal(1), goal(2), goal(3)), paper),
    }
    for name, data in documents.items():
        (tmp_path / f"{name}.pdf").write_bytes(data)
        done = subprocess.run(
            [PDFTOPPM or "pdftoppm", "-r", "20", "-png", f"{name}.pdf", name],
            cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert (done.returncode, done.stderr) == (0, ""), name
        assert len(list(tmp_path.glob(f"{name}-*.png"))) == len(read(data).pages)


def test_the_blank_worksheet_covers_the_whole_exercise():
    from milepost.paper import services

    printed = text_of(services.worksheet(paper="a4"))
    for words in (
        "Step two: what moves you",
        "Routine and showing up",
        "Tick each theme you recognise",
        "MATTERS MOST",
        "Step three: your goals",
        "small",
        "further out",
        "a little scary",
        "The purpose check",
        services.PURPOSE_QUESTIONS[0].split()[0],
    ):
        assert words in printed, words
