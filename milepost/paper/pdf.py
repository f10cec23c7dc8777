"""Goals on paper: the reflection worksheet, a round's reflection and the goal sheet as PDFs.

Pure of Django: each public function takes plain data and returns the bytes of a PDF.

Layout by fpdf2 (pure Python, no system packages). Text is set in DejaVu Sans, shipped in
fonts/ with its licence: Latin with accents, Greek and Cyrillic. A character the font lacks
(CJK, emoji) or cannot set right without a shaping engine (Arabic and Hebrew run right to
left) is printed as a visible placeholder, never dropped in silence and never a crash.
Text is wrapped, never cut: what does not fit flows onto the next page.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import XPos, YPos

FONTS = Path(__file__).resolve().with_name("fonts")
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
FAMILY = "DejaVu"
PAPERS = {"a4": "A4", "letter": "Letter"}
PLACEHOLDER = "\u25a1"  # □: what a runner sees where the font has no glyph

MARGIN = 15.0  # mm, every side
FOOTER = 8.0  # mm kept free above the bottom margin for the footer
RULE = 8.5  # mm between handwriting lines
PT = 0.3528  # mm per point
INK = (27, 31, 35)
MUTED = (74, 85, 96)
ACCENT = (11, 93, 59)
LIGHT = (175, 183, 190)

# The goal sheet shrinks its type this far, step by step, to stay on one page; past that it
# keeps a readable size and flows onto a second page instead.
SCALES = (1.0, 0.94, 0.88, 0.82)


# --------------------------------------------------------------------------------------------
# What gets printed.


class QuestionText(Protocol):
    title: str
    intent: str
    prompts: Sequence[str]


@dataclass(frozen=True)
class Answer:
    """One reflection question with the runner's notes under it."""

    title: str
    intent: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ThemeLine:
    label: str
    description: str = ""
    in_my_words: str = ""
    most_important: bool = False


@dataclass(frozen=True)
class RoundLine:
    """One round in the comparison across the years."""

    heading: str  # "9 June 2023: Coming back after a break"
    themes: str
    goals: str


@dataclass(frozen=True)
class Reflection:
    runner: str
    heading: str  # "Round started 3 March 2026"
    reason: str
    answers: tuple[Answer, ...]
    themes: tuple[ThemeLine, ...]
    printed_on: date
    # The comparison with the runner's earlier rounds, when asked for.
    changes: tuple[str, ...] = ()
    rounds: tuple[RoundLine, ...] = ()


@dataclass(frozen=True)
class StepLine:
    title: str
    due: date
    done: bool = False


@dataclass(frozen=True)
class GoalLine:
    title: str
    size: str  # "Medium"
    horizon: str  # "By 3 May 2026", "In the next month or two"
    feeling: str = ""  # "A little scary"
    target: str = ""  # "20 km per week"
    why: tuple[str, ...] = ()  # the themes it serves, in the runner's words where given
    in_my_words: str = ""
    steps: tuple[StepLine, ...] = ()


@dataclass(frozen=True)
class GoalSheet:
    runner: str
    goals: tuple[GoalLine, ...]
    purpose_questions: tuple[str, ...]
    printed_on: date
    heading: str = ""  # "From the round started 3 March 2026"


# --------------------------------------------------------------------------------------------
# Text the font can set.

RTL = {"R", "AL", "AN"}  # right to left: would need bidi and shaping
JOINERS = {0x200C, 0x200D, 0x20E3}  # zero-width (non-)joiner, combining keycap


@lru_cache(maxsize=1)
def covered() -> frozenset[int]:
    """Code points both shipped faces have a glyph for."""
    maps = [set(TTFont(path, lazy=True).getBestCmap()) for path in (REGULAR, BOLD)]
    return frozenset(maps[0] & maps[1])


EMOJI_WORDS = {
    "\U0001f3c3": "running",
    "\U0001f45f": "running shoe",
    "\U0001f3c5": "medal",
    "\U0001f3c6": "trophy",
    "\U0001f947": "gold medal",
    "\U0001f948": "silver medal",
    "\U0001f949": "bronze medal",
    "\U0001f3c1": "finish flag",
    "\u2764": "heart",
    "\U0001f499": "heart",
    "\U0001f49a": "heart",
    "\U0001f49b": "heart",
    "\U0001f9e1": "heart",
    "\U0001f49c": "heart",
    "\U0001f5a4": "heart",
    "\U0001f90d": "heart",
    "\U0001f495": "hearts",
    "\U0001f60a": "smile",
    "\U0001f642": "smile",
    "\U0001f600": "smile",
    "\U0001f603": "smile",
    "\U0001f604": "smile",
    "\U0001f601": "grin",
    "\U0001f602": "laughing",
    "\U0001f923": "laughing",
    "\U0001f60d": "love it",
    "\U0001f970": "love it",
    "\U0001f622": "sad",
    "\U0001f62d": "crying",
    "\U0001f605": "phew",
    "\U0001f613": "sweat",
    "\U0001f4a6": "sweat",
    "\U0001f62c": "nervous",
    "\U0001f630": "nervous",
    "\U0001f631": "scared",
    "\U0001f914": "thinking",
    "\U0001f634": "tired",
    "\U0001f62b": "tired",
    "\U0001f975": "hot",
    "\U0001f976": "cold",
    "\U0001f4aa": "strong",
    "\U0001f44d": "thumbs up",
    "\U0001f44e": "thumbs down",
    "\U0001f44f": "applause",
    "\U0001f64c": "hooray",
    "\U0001f64f": "thanks",
    "\U0001f389": "celebration",
    "\U0001f38a": "celebration",
    "\U0001f525": "fire",
    "\u2b50": "star",
    "\U0001f31f": "star",
    "\u2728": "sparkles",
    "\U0001f3af": "target",
    "\U0001f5d3": "calendar",
    "\U0001f4c5": "calendar",
    "\u23f1": "stopwatch",
    "\u231a": "watch",
    "\U0001f3d4": "mountain",
    "\u26f0": "mountain",
    "\U0001f30a": "sea",
    "\U0001f3d6": "beach",
    "\U0001f332": "trees",
    "\U0001f333": "tree",
    "\u2600": "sun",
    "\U0001f31e": "sun",
    "\U0001f327": "rain",
    "\u2614": "rain",
    "\u2744": "snow",
    "\U0001f415": "dog",
    "\U0001f436": "dog",
    "\u2615": "coffee",
    "\U0001f6b4": "cycling",
    "\U0001f3ca": "swimming",
    "\U0001f6b6": "walking",
    "\U0001f9d8": "yoga",
    "\U0001f46b": "friends",
    "\U0001f46d": "friends",
    "\U0001f46c": "friends",
    "\U0001f468": "man",
    "\U0001f469": "woman",
    "\U0001f9d1": "person",
    "\u2705": "done",
    "\u2714": "done",
    "\u274c": "no",
    "\U0001f4af": "100",
    "\U0001f4c8": "going up",
    "\U0001f4c9": "going down",
    "\U0001f915": "hurt",
    "\U0001f9b5": "leg",
    "\U0001f9b6": "foot",
    "\U0001f9e0": "mind",
}
FLAG = range(0x1F1E6, 0x1F200)  # regional indicators: two make a flag


def emoji_word(char: str) -> str | None:
    """What an emoji the font lacks prints as: "(running)", "(flag)", or "(emoji)"; None for
    a character that is no emoji (it gets the placeholder)."""
    code = ord(char)
    if char in EMOJI_WORDS:
        return f"({EMOJI_WORDS[char]})"
    if code in FLAG:
        return "(flag)"
    if 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF:
        return "(emoji)"
    return None


def printable(text: str) -> str:
    """The text as the font can set it: an emoji in words ("(running)"), one placeholder
    per other character it cannot set."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    glyphs = covered()
    out: list[str] = []
    joined = False  # a placeholder and a zero-width joiner came just before
    replaced = False  # the last thing out stands for a character the font lacks
    for char in text:
        code, category = ord(char), unicodedata.category(char)
        if joined:
            joined = False
            continue  # "🏃 + ZWJ + ♀": one placeholder for the whole emoji
        if replaced and _continues(code, category):
            joined = code == 0x200D  # a mark, joiner or modifier of the character replaced
            continue
        replaced = False
        if 0xFE00 <= code <= 0xFE0F:
            continue  # a variation selector: a hint for emoji fonts, invisible here
        elif char == "\n" or (code in glyphs and unicodedata.bidirectional(char) not in RTL):
            out.append(char)
        elif category == "Cc":
            continue  # a stray control character: nothing to see
        elif category == "Zs":
            out.append(" ")  # an ideographic or other exotic space
        elif category == "Cf":
            continue  # invisible formatting: a direction mark, a word joiner
        else:
            out.append(emoji_word(char) or PLACEHOLDER)
            replaced = True
    return "".join(out)


def _continues(code: int, category: str) -> bool:
    """True for what extends the character before it into one visible unit (an emoji)."""
    return (
        category in {"Mn", "Me", "Cf"}
        or code in JOINERS
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tags (subdivision flags)
        or 0x1F1E6 <= code <= 0x1F1FF  # the second half of a flag
    )


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


# --------------------------------------------------------------------------------------------
# The page.


class Page(FPDF):
    """An fpdf2 document on A4 or Letter with Milepost's type, margins and footer."""

    def __init__(self, paper: str, label: str, scale: float = 1.0, one_page: bool = False):
        if paper not in PAPERS:
            raise ValueError(f"Paper must be one of {', '.join(PAPERS)}, not {paper!r}.")
        super().__init__(orientation="P", unit="mm", format=PAPERS[paper])
        self.scale = scale
        self.one_page = one_page  # a second page raises _PastOnePage: the goal sheet's tries
        self.label = printable(label)
        self.add_font(FAMILY, "", str(REGULAR))
        self.add_font(FAMILY, "B", str(BOLD))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + FOOTER)
        self.c_margin = 0
        self.set_title(self.label)
        self.set_creator("Milepost")
        self.set_lang("en")
        self.alias_nb_pages()
        self.add_page()

    def add_page(self, *args, **kwargs) -> None:
        if self.one_page and self.page >= 1:
            raise _PastOnePage
        super().add_page(*args, **kwargs)

    def footer(self) -> None:
        self.set_y(-MARGIN - 4)
        self.style(8, colour=MUTED, scaled=False)
        self.cell(0, 4, f"Milepost \u00b7 {self.label} \u00b7 page {self.page_no()} of {{nb}}")
        self.cell(0, 4, "", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    # Type.

    def style(self, size: float, bold=False, colour=INK, scaled=True) -> None:
        self.set_font(FAMILY, "B" if bold else "", size * (self.scale if scaled else 1))
        self.set_text_color(*colour)

    def leading(self, size: float) -> float:
        return size * self.scale * PT * 1.4

    def text_block(self, text: str, size: float, bold=False, colour=INK, x=None, w=None) -> None:
        """Wrapped text from x (default: left margin) to the right margin, or w wide."""
        x = self.l_margin if x is None else x
        self.style(size, bold, colour)
        self.set_x(x)
        w = self.w - self.r_margin - x if w is None else w
        height = self.leading(size)
        for line in self.lines(printable(text), w):
            self.set_x(x)  # a page break on the way keeps x as well
            self.cell(w, height, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def height_of(self, text: str, size: float, w: float, bold=False) -> float:
        self.style(size, bold)
        return len(self.lines(printable(text), w)) * self.leading(size)

    def lines(self, text: str, w: float) -> list[str]:
        """The text broken into lines no wider than w in the current type: at spaces, or
        inside a word too long for a line of its own. fpdf2's own line breaking
        (``multi_cell``) costs about a millisecond per line, which made a round of long notes
        take many seconds; this sums each character's width once."""
        widths = self.current_font.cw
        per_unit = self.font_size_pt * 0.001 / self.k  # a width in font units, in mm
        space = widths[32] * per_unit
        out: list[str] = []
        for paragraph in text.split("\n"):
            line: list[str] = []
            used = 0.0
            for word in paragraph.split(" "):
                width = sum(widths[ord(c)] for c in word) * per_unit
                if line and used + space + width <= w:
                    line.append(word)
                    used += space + width
                    continue
                if line:
                    out.append(" ".join(line))
                while width > w and len(word) > 1:  # too long for any line: broken inside
                    cut, taken = 0, 0.0
                    while cut < len(word) - 1 and taken + widths[ord(word[cut])] * per_unit <= w:
                        taken += widths[ord(word[cut])] * per_unit
                        cut += 1
                    cut = max(cut, 1)
                    out.append(word[:cut])
                    word = word[cut:]
                    width = sum(widths[ord(c)] for c in word) * per_unit
                line, used = [word], width
            out.append(" ".join(line).rstrip(" "))
        return out

    def bullet(self, text: str, size: float, mark="\u2022", x=None, colour=INK) -> None:
        x = self.l_margin if x is None else x
        self.keep(self.leading(size) * 2)
        self.style(size, colour=colour)
        self.set_x(x)
        self.cell(5 * self.scale, self.leading(size), mark)
        self.text_block(text, size, colour=colour, x=x + 5 * self.scale)

    # Space.

    @property
    def right(self) -> float:
        return self.w - self.r_margin

    @property
    def bottom(self) -> float:
        return self.page_break_trigger

    def gap(self, mm: float) -> None:
        if self.get_y() + mm < self.bottom:
            self.ln(mm * self.scale)

    def keep(self, height: float) -> None:
        """A new page first, unless height still fits on this one."""
        if self.get_y() + height > self.bottom:
            self.add_page()

    def hr(self, colour=LIGHT, width=0.3) -> None:
        self.set_draw_color(*colour)
        self.set_line_width(width)
        self.line(self.l_margin, self.get_y(), self.right, self.get_y())

    def writing_lines(self, until: float, x=None, least=3) -> None:
        """Ruled lines to write on by hand, down to until (at least `least` of them)."""
        x = self.l_margin if x is None else x
        if self.get_y() + least * RULE > self.bottom:
            self.add_page()
        until = min(max(until, self.get_y() + least * RULE), self.bottom)
        self.set_draw_color(*LIGHT)
        self.set_line_width(0.25)
        y = self.get_y() + RULE
        while y <= until + 0.01:
            self.line(x, y, self.right, y)
            y += RULE
        self.set_y(y - RULE + 2)

    def heading(self, title: str, *about: str) -> None:
        self.text_block(title, 20, bold=True, colour=ACCENT)
        self.gap(1)
        parts = (printable(part).strip() for part in about)
        self.text_block(" \u00b7 ".join(part for part in parts if part), 9.5, colour=MUTED)
        self.gap(3)
        self.hr(ACCENT, 0.6)
        self.gap(5)

    def section(self, title: str, after: float = 20) -> None:
        self.keep(self.leading(13) + after)
        self.text_block(title, 13, bold=True, colour=ACCENT)
        self.gap(2)

    def finish(self) -> bytes:
        return bytes(self.output())


# --------------------------------------------------------------------------------------------
# (1) The blank reflection worksheet: two questions a page, with room to write.


def worksheet_pdf(
    questions: Sequence[QuestionText],
    paper: str = "a4",
    runner: str = "",
    themes: Sequence[str] = (),
    purpose_questions: Sequence[str] = (),
) -> bytes:
    """Step one's questions; given the themes and the purpose questions, the rest of the
    exercise too (themes, goals, the purpose check), so it can all be done on paper."""
    pdf = Page(paper, "Reflection worksheet")
    pdf.set_subject("The eight reflection questions, to answer by hand")
    name = runner or "_" * 26
    pdf.heading("Reflection worksheet", f"Name: {name}     Date: {'_' * 16}")
    pdf.text_block(
        "Eight questions to think about before you set goals. Write everything down, "
        "no editing yet: there are no wrong answers. The prompts are there if you get stuck; "
        "skip any question that says nothing to you.",
        10.5,
    )
    pdf.gap(4)
    top = pdf.get_y()
    for number, question in enumerate(questions, start=1):
        if number % 2 and number > 1:
            pdf.add_page()
            top = pdf.get_y()
        half = top + (pdf.bottom - top) / 2
        _worksheet_question(pdf, number, question, until=half if number % 2 else pdf.bottom)
    if themes:
        _worksheet_themes(pdf, themes)
        _worksheet_goals(pdf)
    if purpose_questions:
        _purpose(pdf, purpose_questions, WORKSHEET_GOALS)
    return pdf.finish()


WORKSHEET_GOALS = 5


def _worksheet_themes(pdf: Page, themes: Sequence[str]) -> None:
    pdf.add_page()
    pdf.text_block("Step two: what moves you", 15, bold=True, colour=ACCENT)
    pdf.gap(1)
    pdf.text_block(
        "Read back what you wrote. Tick each theme you recognise in it, and circle the one "
        "that matters most.",
        10.5,
    )
    pdf.gap(3)
    col_w = (pdf.right - pdf.l_margin) / 2
    for start in range(0, len(themes), 2):
        y = pdf.get_y()
        for column, label in enumerate(themes[start : start + 2]):
            pdf.style(11)
            pdf.set_xy(pdf.l_margin + column * col_w, y)
            pdf.cell(col_w, pdf.leading(11) + 1.5, f"\u2610  {label}")
        pdf.set_y(y + pdf.leading(11) + 1.5)
    pdf.gap(3)
    _ruled(pdf, "Matters most", pdf.l_margin, pdf.l_margin + 32, size=10, colour=INK)
    pdf.gap(6)


def _worksheet_goals(pdf: Page) -> None:
    pdf.text_block("Step three: your goals", 15, bold=True, colour=ACCENT)
    pdf.gap(1)
    pdf.text_block(
        "Write small, medium and big goals, some for the next month or two and some further "
        "out; some very doable, at least one a little scary. Tick what each one is, and note "
        "the themes it serves.",
        10.5,
    )
    pdf.gap(3)
    for number in range(1, WORKSHEET_GOALS + 1):
        x = pdf.l_margin + 7
        pdf.keep(RULE * 3 + pdf.leading(10) * 2 + 5)
        _ruled(pdf, str(number), pdf.l_margin, x, size=13.5, colour=ACCENT)
        pdf.gap(1.5)
        for choices in (
            "\u2610 small   \u2610 medium   \u2610 big",
            "\u2610 next month or two   \u2610 further out     "
            "\u2610 very doable   \u2610 a little scary",
        ):
            pdf.text_block(choices, 10, colour=MUTED, x=x + LABEL_W)
        _ruled(pdf, "Why", x, x + LABEL_W)
        pdf.gap(5)


def _worksheet_question(pdf: Page, number: int, question: QuestionText, until: float) -> None:
    pdf.text_block(f"{number}. {question.title}", 13, bold=True, colour=ACCENT)
    pdf.gap(1)
    pdf.text_block(question.intent, 10.5)
    pdf.gap(1)
    for prompt in question.prompts:
        pdf.bullet(prompt, 9.5, colour=MUTED)
    pdf.writing_lines(until - 6)
    pdf.set_y(max(pdf.get_y(), until - 4))
    pdf.gap(4)


# --------------------------------------------------------------------------------------------
# (2) A round's reflection, as the runner wrote it.


def reflection_pdf(reflection: Reflection, paper: str = "a4") -> bytes:
    pdf = Page(paper, "My reflection")
    pdf.set_subject(printable(reflection.heading))
    pdf.set_author(printable(reflection.runner))
    printed = f"printed {long_date(reflection.printed_on)}"
    pdf.heading("My reflection", reflection.runner, reflection.heading, printed)
    if reflection.reason:
        pdf.text_block(f"Why this round: {reflection.reason}", 10.5)
        pdf.gap(4)
    pdf.section("What I wrote")
    answered = [answer for answer in reflection.answers if answer.notes]
    for answer in answered:
        pdf.keep(pdf.leading(11.5) + pdf.leading(9.5) * 2 + pdf.leading(10.5) * 2)
        pdf.text_block(answer.title, 11.5, bold=True)
        pdf.text_block(answer.intent, 9, colour=MUTED)
        pdf.gap(1.5)
        for note in answer.notes:
            pdf.bullet(note, 10.5, x=pdf.l_margin + 2)
            pdf.gap(1)
        pdf.gap(3)
    if not answered:
        pdf.text_block("No notes yet.", 10.5, colour=MUTED)
        pdf.gap(3)
    pdf.gap(2)
    pdf.section("The themes I confirmed")
    for theme in reflection.themes:
        _reflection_theme(pdf, theme)
    if not reflection.themes:
        pdf.text_block("No themes confirmed yet.", 10.5, colour=MUTED)
    if reflection.rounds:
        _across_the_years(pdf, reflection)
    return pdf.finish()


def _across_the_years(pdf: Page, reflection: Reflection) -> None:
    pdf.gap(4)
    pdf.section("Across the years")
    for sentence in reflection.changes:
        pdf.bullet(sentence, 10.5, x=pdf.l_margin + 2)
        pdf.gap(1)
    if not reflection.changes:
        pdf.text_block("The first round: the story starts here.", 10.5, colour=MUTED)
    pdf.gap(3)
    for line in reflection.rounds:
        pdf.keep(pdf.leading(11) + pdf.leading(10) * 2)
        pdf.text_block(line.heading, 11, bold=True)
        pdf.text_block(f"Themes: {line.themes}", 10, x=pdf.l_margin + 5)
        pdf.text_block(f"Goals: {line.goals}", 10, x=pdf.l_margin + 5)
        pdf.gap(2.5)


def _reflection_theme(pdf: Page, theme: ThemeLine) -> None:
    label = theme.label + ("  \u2605 matters most" if theme.most_important else "")
    pdf.keep(pdf.leading(11) * 3)
    pdf.text_block(label, 11, bold=True)
    x = pdf.l_margin + 5
    if theme.description:
        pdf.text_block(theme.description, 9.5, colour=MUTED, x=x)
    words = printable(theme.in_my_words).strip()
    if words:
        pdf.text_block(f"In my words: \u201c{words}\u201d", 10.5, x=x)
    pdf.gap(3)


# --------------------------------------------------------------------------------------------
# (3) The goal sheet: one page, to sign and put on the fridge.


def goal_sheet_pdf(sheet: GoalSheet, paper: str = "a4") -> bytes:
    """Smaller type before a second page; a second page before anything is cut. A try that
    runs onto a second page stops there, and after the full size the smallest is tried: a
    sheet too long for one page costs two settings of one page, then the whole sheet."""
    largest = _one_page(sheet, paper, SCALES[0])
    if largest is not None:
        return largest.finish()
    smallest = _one_page(sheet, paper, SCALES[-1])
    if smallest is None:
        return _goal_sheet(sheet, paper, SCALES[0]).finish()
    for scale in SCALES[1:-1]:
        pdf = _one_page(sheet, paper, scale)
        if pdf is not None:
            return pdf.finish()
    return smallest.finish()


class _PastOnePage(Exception):
    pass


def _one_page(sheet: GoalSheet, paper: str, scale: float) -> Page | None:
    """The sheet at this scale if it fits on one page, else None (found out at the break)."""
    try:
        return _goal_sheet(sheet, paper, scale, one_page=True)
    except _PastOnePage:
        return None


def _goal_sheet(sheet: GoalSheet, paper: str, scale: float, one_page=False) -> Page:
    pdf = Page(paper, "My running goals", scale, one_page=one_page)
    pdf.set_author(printable(sheet.runner))
    printed = f"printed {long_date(sheet.printed_on)}"
    pdf.heading("My running goals", sheet.runner, sheet.heading, printed)
    for number, goal in enumerate(sheet.goals, start=1):
        _goal(pdf, number, goal)
    if not sheet.goals:
        pdf.text_block("No goals settled yet. Write yours here.", 10.5, colour=MUTED)
        pdf.gap(3)
        for number in range(1, 4):
            _blank_goal(pdf, number)
    _purpose(pdf, sheet.purpose_questions, len(sheet.goals) or 3)
    _signature(pdf)
    return pdf


LABEL_W = 17.0  # the "Why" and "Steps" column
DATE_W = 32.0  # a step's date


def _goal(pdf: Page, number: int, goal: GoalLine) -> None:
    pdf.keep(pdf.leading(13.5) * 2 + pdf.leading(10) * 3)
    x = pdf.l_margin + 7 * pdf.scale
    y = pdf.get_y()
    pdf.style(13.5, bold=True, colour=ACCENT)
    pdf.cell(7 * pdf.scale, pdf.leading(13.5), f"{number}")
    pdf.set_xy(x, y)
    pdf.text_block(goal.title, 13.5, bold=True, x=x)
    meta = [goal.size, goal.horizon, goal.feeling, goal.target]
    pdf.text_block(" \u00b7 ".join(m for m in meta if m), 9.5, colour=MUTED, x=x)
    pdf.gap(1.5)
    why, words = ", ".join(goal.why), printable(goal.in_my_words).strip()
    if words:
        why = f"{why}. \u201c{words}\u201d" if why else f"\u201c{words}\u201d"
    _labelled(pdf, "Why", x)
    pdf.text_block(why or "_" * 40, 10, x=x + LABEL_W * pdf.scale)
    pdf.gap(1.5)
    _labelled(pdf, "Steps", x)
    for step in goal.steps:
        _step(pdf, step, x + LABEL_W * pdf.scale)
    if not goal.steps:
        pdf.text_block(f"Next step: {'_' * 24}  by {'_' * 10}", 10, x=x + LABEL_W * pdf.scale)
    pdf.gap(3)
    pdf.hr()
    pdf.gap(3.5)


def _labelled(pdf: Page, label: str, x: float) -> None:
    """A label in the left column, leaving y where the text beside it starts."""
    pdf.keep(pdf.leading(10) * 2)
    y = pdf.get_y()
    pdf.style(9, bold=True, colour=MUTED)
    pdf.set_xy(x, y + 0.3 * pdf.scale)
    pdf.cell(LABEL_W * pdf.scale, pdf.leading(10), label.upper())
    pdf.set_xy(x + LABEL_W * pdf.scale, y)


def _step(pdf: Page, step: StepLine, x: float) -> None:
    box = 5.5 * pdf.scale
    date_w = DATE_W * pdf.scale
    title_w = pdf.right - x - box - date_w - 2
    height = pdf.height_of(step.title, 10, title_w)
    pdf.keep(height)
    y = pdf.get_y()
    colour = MUTED if step.done else INK
    pdf.style(10, colour=colour)
    pdf.set_xy(x, y)
    pdf.cell(box, pdf.leading(10), "\u2611" if step.done else "\u2610")
    pdf.text_block(step.title, 10, colour=colour, x=x + box, w=title_w)
    end = pdf.get_y()
    pdf.style(9.5, colour=colour)
    pdf.set_xy(pdf.right - date_w, y + 0.2 * pdf.scale)
    due = "done" if step.done else f"by {short_date(step.due)}"
    pdf.cell(date_w, pdf.leading(10), due, align="R")
    pdf.set_xy(pdf.l_margin, max(end, y + pdf.leading(10)) + 0.8 * pdf.scale)


def _blank_goal(pdf: Page, number: int) -> None:
    """A goal to write by hand: a line for it, one for its why, three for its steps."""
    x = pdf.l_margin + 7
    pdf.keep(RULE * 5 + 4)
    _ruled(pdf, str(number), pdf.l_margin, x, size=13.5, colour=ACCENT)
    _ruled(pdf, "Why", x, x + LABEL_W)
    for line in range(3):
        _ruled(pdf, "" if line else "Steps", x, x + LABEL_W, due=True)
    pdf.gap(5)


def _ruled(pdf: Page, label: str, x: float, line_x: float, size=9.0, colour=MUTED, due=False):
    """One handwriting line, its label sitting on it at x."""
    y = pdf.get_y() + RULE
    pdf.style(size, bold=True, colour=colour)
    pdf.set_xy(x, y - pdf.leading(size))
    pdf.cell(line_x - x, pdf.leading(size), label.upper())
    pdf.set_draw_color(*LIGHT)
    pdf.set_line_width(0.25)
    end = pdf.right - (DATE_W if due else 0)
    pdf.line(line_x, y, end, y)
    if due:
        pdf.style(9, colour=MUTED)
        pdf.set_xy(end + 3, y - pdf.leading(9))
        pdf.cell(6, pdf.leading(9), "by")
        pdf.line(end + 9, y, pdf.right, y)
    pdf.set_xy(pdf.l_margin, y)


def _purpose(pdf: Page, questions: Sequence[str], goals: int) -> None:
    columns = goals if goals <= 5 else 0
    col_w = 16 * pdf.scale
    need = pdf.leading(13) + pdf.leading(10) * (len(questions) + 2) + 6
    pdf.section("The purpose check", after=need)
    pdf.text_block(
        "Ask yourself of each goal, before you start and at every check-in. "
        "A goal that gets a \u201cnot really\u201d deserves a rethink.",
        9.5,
        colour=MUTED,
    )
    pdf.gap(2)
    text_w = pdf.right - pdf.l_margin - columns * col_w
    if columns:
        pdf.style(8.5, bold=True, colour=MUTED)
        pdf.set_x(pdf.l_margin + text_w)
        for number in range(1, columns + 1):
            pdf.cell(col_w, pdf.leading(9), f"Goal {number}", align="C")
        pdf.ln(pdf.leading(9))
    for question in questions:
        height = pdf.height_of(question, 10, text_w - 3)
        pdf.keep(height)
        y = pdf.get_y()
        pdf.text_block(question, 10, w=text_w - 3)
        _boxes(pdf, pdf.l_margin + text_w, y, columns, col_w)
        pdf.set_y(max(pdf.get_y(), y + 5.5 * pdf.scale) + 1.5 * pdf.scale)


def _boxes(pdf: Page, x: float, y: float, columns: int, col_w: float) -> None:
    side = 4 * pdf.scale
    pdf.set_draw_color(*MUTED)
    pdf.set_line_width(0.3)
    for column in range(columns):
        pdf.rect(x + column * col_w + (col_w - side) / 2, y + 0.5 * pdf.scale, side, side)


def _signature(pdf: Page) -> None:
    height = 16 * pdf.scale
    pdf.keep(height + 6)
    pdf.set_y(max(pdf.get_y() + 6, pdf.bottom - height))
    y = pdf.get_y() + 9 * pdf.scale
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.3)
    split = pdf.l_margin + (pdf.right - pdf.l_margin) * 0.62
    pdf.line(pdf.l_margin, y, split - 8, y)
    pdf.line(split, y, pdf.right, y)
    pdf.style(9, colour=MUTED)
    pdf.set_xy(pdf.l_margin, y + 1)
    pdf.cell(split - 8 - pdf.l_margin, 4, "Signed")
    pdf.set_xy(split, y + 1)
    pdf.cell(pdf.right - split, 4, "Date")
    pdf.set_y(y + 5)
