// Imported first by tests that read log output: the unit env silences the logger, and Powertools
// resets the level from this variable at every warm invocation, so setLogLevel() would not last.
process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
