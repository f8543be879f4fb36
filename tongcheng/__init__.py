"""The operator's side of Tongcheng (同城): start and stop the suite, generate a synthetic cohort and the district's
school data, run stub partner departments, and play a whole enrollment season through the gateway
(``tongcheng --help``; ``make demo``)."""
