"""Running math: pure Python, no Django.

Units and pace (``units``), VDOT (``vdot``), race equivalence (``equivalence``), age grading
(``agegrade``), Boston qualifying standards (``standards``), progression checks
(``progression``) and the ``milepost predict`` answer (``predict``). Every module raises
:class:`RunmathError` (a ``ValueError``) on bad input. RUNNING_SCIENCE.md is the tests' oracle.
"""

from milepost.runmath.errors import RunmathError

__all__ = ["RunmathError"]
