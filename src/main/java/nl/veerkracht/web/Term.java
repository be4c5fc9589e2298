package nl.veerkracht.web;

/** A term of the glossary. */
public record Term(String term, nl.veerkracht.common.Text explanation) {}
