/**
 * The local user pool: cognito-local's services (users, codes, tokens, triggers), composed here
 * instead of through its `createDefaultServer`, so that
 *  - its code emails go to the local SES outbox (via: 'cognito') instead of the console,
 *  - its Lambda triggers run Moneta's functions through the Invoker (cognitoTriggers),
 *  - the issuer is the address it really listens on (tokens verify against its JWKS for real),
 *  - the pool and app client are created once, like the stack's, and found again on restart.
 * cognito-local's own HTTP layer (express + pino) is replaced by the few lines it needs, and its
 * router by a table of the operations Moneta, its tests and a developer's CLI use. That table
 * takes the TOTP/MFA operations, sign-in sessions and email-alias checks from ./cognito-mfa.ts
 * (cognito-local's TOTP code loads otplib, which is ESM-only and jest's CommonJS runtime cannot
 * load) and adds ResendConfirmationCode, which cognito-local 5.3 lacks; ./cognito-sessions.ts adds
 * the sessions' origin_jti and GlobalSignOut.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CognitoError, InvalidParameterError, UnsupportedError, UserNotFoundError } from 'cognito-local/lib/errors';
import { DefaultConfig } from 'cognito-local/lib/server/config';
import type { Services } from 'cognito-local/lib/services';
import { DateClock } from 'cognito-local/lib/services/clock';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService';
import type { Context } from 'cognito-local/lib/services/context';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb';
import type { LogService } from 'cognito-local/lib/services/LogService';
import { LambdaService } from 'cognito-local/lib/services/lambda';
import type { DeliveryDetails } from 'cognito-local/lib/services/messageDelivery/messageDelivery';
import type { Messages } from 'cognito-local/lib/services/messages';
import { otp } from 'cognito-local/lib/services/otp';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator';
import { TriggersService } from 'cognito-local/lib/services/triggers';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService';
import { AdminConfirmSignUp } from 'cognito-local/lib/targets/adminConfirmSignUp';
import { AdminCreateUser } from 'cognito-local/lib/targets/adminCreateUser';
import { AdminDeleteUser } from 'cognito-local/lib/targets/adminDeleteUser';
import { AdminGetUser } from 'cognito-local/lib/targets/adminGetUser';
import { AdminInitiateAuth } from 'cognito-local/lib/targets/adminInitiateAuth';
import { AdminSetUserPassword } from 'cognito-local/lib/targets/adminSetUserPassword';
import { AdminUpdateUserAttributes } from 'cognito-local/lib/targets/adminUpdateUserAttributes';
import { ChangePassword } from 'cognito-local/lib/targets/changePassword';
import { ConfirmForgotPassword } from 'cognito-local/lib/targets/confirmForgotPassword';
import { ConfirmSignUp } from 'cognito-local/lib/targets/confirmSignUp';
import { CreateUserPool } from 'cognito-local/lib/targets/createUserPool';
import { CreateUserPoolClient } from 'cognito-local/lib/targets/createUserPoolClient';
import { DeleteUser } from 'cognito-local/lib/targets/deleteUser';
import { DescribeUserPool } from 'cognito-local/lib/targets/describeUserPool';
import { DescribeUserPoolClient } from 'cognito-local/lib/targets/describeUserPoolClient';
import { ForgotPassword } from 'cognito-local/lib/targets/forgotPassword';
import { GetUser } from 'cognito-local/lib/targets/getUser';
import { ListUserPoolClients } from 'cognito-local/lib/targets/listUserPoolClients';
import { ListUserPools } from 'cognito-local/lib/targets/listUserPools';
import { ListUsers } from 'cognito-local/lib/targets/listUsers';
import { RevokeToken } from 'cognito-local/lib/targets/revokeToken';
import { SetUserMFAPreference } from 'cognito-local/lib/targets/setUserMFAPreference';
import { SignUp } from 'cognito-local/lib/targets/signUp';
import { passwordPolicy } from '../../shared/identity/password-policy';
import { cognitoTriggers, type FunctionId } from '../catalog/functions';
import { mfaOperations } from './cognito-mfa';
import { sessionOperations, withOriginJti } from './cognito-sessions';
import { FunctionError, type Invoker, type Outbox, type RunningService } from './contracts';
import { listen, readJson, sendJson } from './http';

/** Names of the pool and client, as the stack's; also how a restart finds them again. */
const LOCAL_POOL_NAME = 'moneta';
const LOCAL_CLIENT_NAME = 'moneta-api';

type LocalCognito = RunningService & {
  userPoolId: string;
  userPoolClientId: string;
  issuer: string;
  jwksUri: string;
};

export async function startCognito(opts: {
  port: number;
  dataDir?: string;
  invoker: Invoker;
  outbox: Outbox;
  senderEmail: string;
  /** Product name in the code emails' subjects. */
  appName?: string;
}): Promise<LocalCognito> {
  const appName = opts.appName ?? 'Moneta';
  // cognito-local keeps its state in JSON files; in memory means a directory thrown away on stop.
  const scratch = opts.dataDir ? undefined : await mkdtemp(join(tmpdir(), 'moneta-cognito-'));
  const dataDir = resolve(opts.dataDir ?? scratch!);
  await mkdir(dataDir, { recursive: true });

  const ctx: Context = { logger: consoleLogger() };
  const clock = new DateClock();
  const tokenConfig = { IssuerDomain: `http://127.0.0.1:${opts.port}` };
  const config: Services['config'] = {
    ...DefaultConfig,
    TriggerFunctions: triggerFunctions(),
    UserPoolDefaults: { UsernameAttributes: ['email'] },
    TokenConfig: tokenConfig,
    ServerConfig: { port: opts.port, hostname: '127.0.0.1', development: false, https: false },
  };
  const dataStoreFactory = new StormDBDataStoreFactory(dataDir);
  const cognito = await new CognitoServiceFactoryImpl(
    dataDir,
    dataStoreFactory,
    new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  ).create(ctx, config.UserPoolDefaults);
  const triggers = new TriggersService(
    clock,
    cognito,
    new LambdaService(config.TriggerFunctions, lambdaClientFor(opts.invoker)),
    // Only a CustomEmailSender trigger encrypts codes with KMS; Moneta has none.
    noKms,
  );
  const services: Services = {
    clock,
    cognito,
    config,
    messages: outboxMessages(opts.outbox, opts.senderEmail, appName),
    otp,
    tokenGenerator: withOriginJti(new JwtTokenGenerator(clock, triggers, tokenConfig)),
    triggers,
  };
  const mfa = mfaOperations();
  const router = routerFor(services, {
    ...baseOperations,
    ...mfa,
    ...sessionOperations(mfa.InitiateAuth!),
  });
  const jwks = { keys: [await publicJwk()] };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { __type: 'InternalErrorException', message: 'Local Cognito failed' }, AMZ_JSON);
      console.error('[cognito] request failed:', error instanceof Error ? error.message : error);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://cognito');
    if (req.method === 'POST' && url.pathname === '/') return api(req, res);
    const wellKnown = url.pathname.match(/^\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/);
    if (req.method === 'GET' && wellKnown) {
      const issuer = `${tokenConfig.IssuerDomain}/${wellKnown[1]}`;
      if (wellKnown[2] === 'jwks.json') return sendJson(res, 200, jwks, AMZ_JSON);
      return sendJson(
        res,
        200,
        {
          issuer,
          jwks_uri: `${issuer}/.well-known/jwks.json`,
          id_token_signing_alg_values_supported: ['RS256'],
        },
        AMZ_JSON,
      );
    }
    if (req.method === 'GET' && url.pathname === '/health') return sendJson(res, 200, { ok: true }, AMZ_JSON);
    sendJson(res, 404, { message: `No route for ${req.method} ${url.pathname}` }, AMZ_JSON);
  }

  /** The Cognito JSON API: `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`. */
  async function api(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = String(req.headers['x-amz-target'] ?? '').split('.')[1];
    if (!target)
      return sendJson(res, 400, { __type: 'InvalidParameterException', message: 'Missing X-Amz-Target' }, AMZ_JSON);
    const body = await readJson(req);
    try {
      const output = await router(target)(ctx, (body ?? {}) as never);
      res.writeHead(200, { 'content-type': AMZ_JSON }).end(JSON.stringify(output, datesAsEpochSeconds));
    } catch (error) {
      if (error instanceof CognitoError)
        return sendJson(res, 400, { __type: error.code, message: error.message }, AMZ_JSON);
      if (error instanceof UnsupportedError) {
        return sendJson(res, 500, { __type: 'CognitoLocal#Unsupported', message: error.message }, AMZ_JSON);
      }
      throw error;
    }
  }

  await listen(server, opts.port);
  const { port } = server.address() as AddressInfo;
  // The issuer must name the port actually bound (port 0 in tests picks a free one).
  tokenConfig.IssuerDomain = `http://127.0.0.1:${port}`;

  const { userPoolId, userPoolClientId } = await ensurePoolAndClient(ctx, services);
  const issuer = `${tokenConfig.IssuerDomain}/${userPoolId}`;
  return {
    url: `http://127.0.0.1:${port}`,
    userPoolId,
    userPoolClientId,
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    stop: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      if (scratch) await rm(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * As the stack's pool (lib/constructs/auth.ts): optional TOTP MFA, and a changed email that stays
 * pending, with the old address still the sign-in and the recipient, until its code is verified.
 */
const POOL_SETTINGS = {
  MfaConfiguration: 'OPTIONAL',
  UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
};

/** Finds the pool and client a previous run created in this data directory, or creates them. */
async function ensurePoolAndClient(
  ctx: Context,
  services: Services,
): Promise<{ userPoolId: string; userPoolClientId: string }> {
  const pools = await services.cognito.listUserPools(ctx);
  let userPoolId = pools.find((pool) => pool.Name === LOCAL_POOL_NAME)?.Id;
  if (!userPoolId) {
    const created = await CreateUserPool(services)(ctx, {
      PoolName: LOCAL_POOL_NAME,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      ...POOL_SETTINGS,
      // Stored with the pool like the stack's; cognito-local 5.3 does not enforce it, the API does.
      Policies: {
        PasswordPolicy: {
          MinimumLength: passwordPolicy.minLength,
          RequireLowercase: passwordPolicy.requireLowercase,
          RequireUppercase: passwordPolicy.requireUppercase,
          RequireNumbers: passwordPolicy.requireDigits,
          RequireSymbols: passwordPolicy.requireSymbols,
        },
      },
    });
    userPoolId = created.UserPool?.Id;
    if (!userPoolId) throw new Error('Local Cognito did not create the user pool');
  } else {
    // A pool kept from before these settings existed gets them, like a stack update would.
    const pool = await services.cognito.getUserPool(ctx, userPoolId);
    if (!pool.options.UserAttributeUpdateSettings) await pool.updateOptions(ctx, { ...pool.options, ...POOL_SETTINGS });
  }
  const clients = await services.cognito.listAppClients(ctx, userPoolId);
  let userPoolClientId = clients.find((client) => client.ClientName === LOCAL_CLIENT_NAME)?.ClientId;
  if (!userPoolClientId) {
    const created = await CreateUserPoolClient(services)(ctx, {
      UserPoolId: userPoolId,
      ClientName: LOCAL_CLIENT_NAME,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
    });
    userPoolClientId = created.UserPoolClient?.ClientId;
    if (!userPoolClientId) throw new Error('Local Cognito did not create the app client');
  }
  return { userPoolId, userPoolClientId };
}

// `never`: each operation declares its own request type and reads the body as sent.
type Route = (ctx: Context, req: never) => Promise<unknown>;
type Router = (target: string) => Route;

const baseOperations: Record<string, (services: Services) => Route> = {
  AdminConfirmSignUp,
  AdminCreateUser,
  AdminDeleteUser,
  AdminGetUser,
  AdminInitiateAuth,
  AdminSetUserPassword,
  AdminUpdateUserAttributes,
  ChangePassword,
  ConfirmForgotPassword,
  ConfirmSignUp,
  CreateUserPool,
  CreateUserPoolClient,
  DeleteUser,
  DescribeUserPool,
  DescribeUserPoolClient,
  ForgotPassword,
  GetUser,
  ListUserPoolClients,
  ListUserPools,
  ListUsers,
  ResendConfirmationCode,
  RevokeToken,
  SetUserMFAPreference,
  SignUp,
};

function routerFor(services: Services, operations: Record<string, (services: Services) => Route>): Router {
  const built = new Map<string, Route>();
  return (target) => {
    const operation = operations[target];
    if (!operation) return () => Promise.reject(new UnsupportedError(`${target} is not supported by the local pool`));
    if (!built.has(target)) built.set(target, operation(services));
    return built.get(target)!;
  };
}

/** Cognito's ResendConfirmationCode: a new code for a user who has not confirmed yet. */
function ResendConfirmationCode({ cognito, clock, messages, otp: newCode }: Services): Route {
  return async (ctx, req: { ClientId: string; Username: string; ClientMetadata?: Record<string, string> }) => {
    const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
    const user = await userPool.getUserByUsername(ctx, req.Username);
    if (!user) throw new UserNotFoundError();
    if (user.UserStatus === 'CONFIRMED') throw new InvalidParameterError('User is already confirmed.');
    const email = user.Attributes.find((attribute) => attribute.Name === 'email')?.Value;
    if (!email) throw new InvalidParameterError('User has no email to send a code to.');
    const deliveryDetails: DeliveryDetails = { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: email };
    const code = newCode();
    await messages.deliver(
      ctx,
      'ResendCode',
      req.ClientId,
      userPool.options.Id,
      user,
      code,
      req.ClientMetadata,
      deliveryDetails,
    );
    await userPool.saveUser(ctx, { ...user, ConfirmationCode: code, UserLastModifiedDate: clock.get() });
    return { CodeDeliveryDetails: deliveryDetails };
  };
}

/** cognitoTriggers' keys are the pool's LambdaConfig keys in camelCase (postConfirmation). */
function triggerFunctions(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(cognitoTriggers).map(([trigger, fn]) => [trigger[0]!.toUpperCase() + trigger.slice(1), fn]),
  );
}

/**
 * cognito-local calls triggers through an aws-sdk v2 Lambda client; this one runs the function
 * through the Invoker and answers the way Lambda's Invoke does (FunctionError: 'Unhandled').
 */
function lambdaClientFor(invoker: Invoker): ConstructorParameters<typeof LambdaService>[1] {
  const client = {
    invoke: (params: { FunctionName: string; Payload: string }) => ({
      promise: async () => {
        try {
          const result = await invoker.invoke(params.FunctionName as FunctionId, JSON.parse(params.Payload));
          return { StatusCode: 200, Payload: JSON.stringify(result ?? null) };
        } catch (error) {
          if (!(error instanceof FunctionError)) throw error;
          return {
            StatusCode: 200,
            FunctionError: 'Unhandled',
            Payload: JSON.stringify({ errorType: error.errorType, errorMessage: error.message }),
          };
        }
      },
    }),
  };
  // Only `invoke(...).promise()` is ever called; the rest of the v2 client is not needed.
  return client as unknown as ConstructorParameters<typeof LambdaService>[1];
}

const noKms = {
  encrypt: () => Promise.reject(new Error('KMS is not available locally (CustomEmailSender is not supported)')),
} as unknown as ConstructorParameters<typeof TriggersService>[3];

type MessageSource = Parameters<Messages['deliver']>[1];

/** Cognito's default code emails, delivered to the outbox instead of the console. */
function outboxMessages(outbox: Outbox, from: string, appName: string): Messages {
  const wording: Partial<Record<MessageSource, { subject: string; text: (code: string) => string }>> = {
    SignUp: {
      subject: `Your ${appName} verification code`,
      text: (code) => `Your verification code is ${code}`,
    },
    ResendCode: {
      subject: `Your ${appName} verification code`,
      text: (code) => `Your verification code is ${code}`,
    },
    ForgotPassword: {
      subject: `Your ${appName} password reset code`,
      text: (code) => `Your password reset code is ${code}`,
    },
  };
  return {
    async deliver(_ctx, source, _clientId, _userPoolId, _user, code, _metadata, details) {
      if (details.DeliveryMedium !== 'EMAIL') return; // Moneta's pool has no SMS
      const words = wording[source] ?? {
        subject: `Your ${appName} verification code`,
        text: (c: string) => `Your verification code is ${c}`,
      };
      await outbox.deliver({
        from,
        to: [details.Destination],
        subject: words.subject,
        text: words.text(code),
        via: 'cognito',
      });
    },
  };
}

/** Errors only, one line each: cognito-local's debug output holds users' attributes. */
function consoleLogger(): LogService {
  const quiet = () => {};
  const logger: LogService = {
    child: () => logger,
    debug: quiet,
    info: quiet,
    warn: quiet,
    error: (first: unknown, second?: unknown) => {
      const text = typeof first === 'string' ? first : typeof second === 'string' ? second : undefined;
      const error = first instanceof Error ? first.message : undefined;
      console.error(`[cognito] ${text ?? error ?? 'error'}`);
    },
  } as LogService;
  return logger;
}

/** The key cognito-local signs tokens with (its private half ships with it too: local only!). */
async function publicJwk(): Promise<unknown> {
  // Resolved from the project root so this works under tsx (ESM) and jest (CommonJS) alike.
  const require = createRequire(resolve('package.json'));
  const file = require.resolve('cognito-local/lib/keys/cognitoLocal.public.json');
  return (JSON.parse(await readFile(file, 'utf8')) as { jwk: unknown }).jwk;
}

const AMZ_JSON = 'application/x-amz-json-1.1';

/** Cognito's JSON protocol sends timestamps as epoch seconds. */
function datesAsEpochSeconds(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? Math.floor(raw.getTime() / 1000) : value;
}
