package dev.sigc.rule;

/** An entry of {@code related}: another rule's id and how this one relates to it. */
public record Related(String id, String type) {}
