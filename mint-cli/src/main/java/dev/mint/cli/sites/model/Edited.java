package dev.mint.cli.sites.model;

/**
 * What a change of the sites file gives: the content to write, and what the change tells its caller
 * (the entry changed, the import's report...).
 *
 * @param book the file's new content
 * @param result what the change returns to its caller
 */
public record Edited<T>(SiteBook book, T result) {}
