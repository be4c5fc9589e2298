package nl.veerkracht.map;

import nl.veerkracht.common.Text;

/** The year a map shows, and why it is not the one asked for when it is not (else null). */
record YearChoice(Integer year, Text note) {}
