/**
 * {@code keepline}, the command-line tool: a CSV import with progress that resumes after
 * an interruption, a line's state and timeline, an operator's notices, and the services'
 * dead letters. Exit codes are {@link io.keepline.cli.ExitCodes}.
 */
package io.keepline.cli;
