/** An expected CLI failure (usage, configuration, locked database): printed, exit code 2. */
export class CliError extends Error {}
