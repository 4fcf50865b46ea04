// Environment every unit test starts with: no tracing daemon, quiet logs, fake credentials.
process.env.POWERTOOLS_TRACE_ENABLED = 'false';
process.env.POWERTOOLS_DEV = 'false';
process.env.POWERTOOLS_LOG_LEVEL = process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT';
process.env.POWERTOOLS_METRICS_NAMESPACE = 'MonetaTest';
process.env.POWERTOOLS_SERVICE_NAME = 'moneta-test';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.AWS_REGION = 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID = 'test';
process.env.AWS_SECRET_ACCESS_KEY = 'test';
process.env.TABLE_NAME = 'moneta-test';
process.env.EVENT_BUS_NAME = 'moneta-test';
process.env.USER_POOL_ID = 'eu-west-1_test';
process.env.USER_POOL_CLIENT_ID = 'testclient';
process.env.SENDER_EMAIL = 'no-reply@example.com';
process.env.SES_CONFIGURATION_SET = 'moneta-test';
process.env.APP_NAME = 'Moneta';
process.env.RETRY_QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/moneta-test-retries';
