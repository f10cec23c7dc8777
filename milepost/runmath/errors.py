"""The one error type of the running math: bad input, explained in words."""


class RunmathError(ValueError):
    """Input the running math cannot use; the message says what was wrong and how to fix it."""
