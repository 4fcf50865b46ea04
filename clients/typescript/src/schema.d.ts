/**
 * The Moneta API's types, generated from docs/openapi.json by openapi-typescript.
 * Do not edit: run `npm run client:generate` at the repository root.
 */

export interface paths {
    "/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register with email and password
         * @description Cognito emails a confirmation code; confirm with POST /v1/auth/confirm.
         */
        post: operations["auth-signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a sign-up with the emailed code */
        post: operations["auth-confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/resend-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the confirmation code again */
        post: operations["auth-resend-code"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange email and password for tokens */
        post: operations["auth-login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a sign-in with the code of your authenticator app
         * @description The session is the one POST /v1/auth/login answered with 202; it lasts three minutes. Wrong codes are counted per user: five within 15 minutes answer 429 until the window ends.
         */
        post: operations["auth-login-mfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for new tokens */
        post: operations["auth-refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a refresh token */
        post: operations["auth-logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a password reset */
        post: operations["auth-forgot-password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the emailed code */
        post: operations["auth-reset-password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the signed-in user's password */
        post: operations["auth-change-password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the caller's profile */
        get: operations["me-get"];
        put?: never;
        post?: never;
        /**
         * Delete the caller's account and, asynchronously, all their data
         * @description Re-authenticated: send the current password (and `code` from your authenticator app when MFA is on).
         */
        delete: operations["me-delete"];
        options?: never;
        head?: never;
        /** Change the caller's profile */
        patch: operations["me-update"];
        trace?: never;
    };
    "/v1/me/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your email: a code goes to the new address
         * @description Re-authenticated. Until POST /v1/me/email/verify confirms the code, the current address stays the sign-in and receives the emails. An address already in use answers the same 202, and no code is sent.
         */
        post: operations["me-email-change"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/email/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the new email with the code sent to it */
        post: operations["me-email-verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start enrolling an authenticator app (TOTP)
         * @description Add the secret (or scan the otpauth URI as a QR code) in the app, then turn MFA on with POST /v1/me/mfa/totp/verify. Until then nothing changes at sign-in.
         */
        post: operations["me-mfa-totp-start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/mfa/totp/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn MFA on with a code from your authenticator app */
        post: operations["me-mfa-totp-verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Turn MFA off
         * @description Re-authenticated: send the current password and `code` from your authenticator app.
         */
        delete: operations["me-mfa-disable"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's accounts */
        get: operations["accounts-list"];
        put?: never;
        /** Open an account */
        post: operations["accounts-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an account and its balance */
        get: operations["accounts-get"];
        put?: never;
        post?: never;
        /**
         * Delete an account
         * @description An account with transactions must be archived first (else 409); its transactions are then deleted asynchronously.
         */
        delete: operations["accounts-delete"];
        options?: never;
        head?: never;
        /** Rename, re-kind, archive or unarchive an account */
        patch: operations["accounts-update"];
        trace?: never;
    };
    "/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's categories */
        get: operations["categories-list"];
        put?: never;
        /** Create a category or subcategory */
        post: operations["categories-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a category (archived ones too) */
        get: operations["categories-get"];
        put?: never;
        post?: never;
        /** Delete a category without subcategories or transactions */
        delete: operations["categories-delete"];
        options?: never;
        head?: never;
        /** Rename, move, archive or unarchive a category */
        patch: operations["categories-update"];
        trace?: never;
    };
    "/v1/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the caller's transactions, newest first
         * @description `categoryId` includes its subcategories; `q` matches the payee or the note (case-insensitive); `from` and `to` are inclusive days. A filter naming an account or category the caller does not have is a 404.
         */
        get: operations["transactions-list"];
        put?: never;
        /**
         * Record an expense or an income
         * @description Converted to the account and home currencies at the recorded ECB rate; give `accountAmount` for a currency without one. Starts `pending` unless `status` says `cleared`. `refundOf` links a refund to the movement it gives back: an income refunding an expense, or an expense refunding an income (422 when that is not your movement, not of the other kind, or the refunds would exceed it). The same `Idempotency-Key` with the same body replays the first response (`Idempotent-Replayed: true`).
         */
        post: operations["transactions-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a transaction */
        get: operations["transactions-get"];
        put?: never;
        post?: never;
        /**
         * Delete a transaction (both legs of a transfer)
         * @description A reconciled transaction (un-reconcile it first) and an expense with refunds are refused with 409.
         */
        delete: operations["transactions-delete"];
        options?: never;
        head?: never;
        /**
         * Change a transaction
         * @description A transfer leg accepts only `note`, `tags` and `status`. A `kind` change keeps the category: an expense turned into an income in an expense category becomes a refund. `status` moves it between pending, cleared and void, and every total follows. A reconciled transaction refuses every change (409 naming `status`) but `{"status": "cleared", "unreconcile": true}`.
         */
        patch: operations["transactions-update"];
        trace?: never;
    };
    "/v1/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move money between two of your accounts
         * @description Both legs and both balances in one write; across currencies `toAmount` as given, else converted.
         */
        post: operations["transfers-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reconcile an account against a statement
         * @description When the account's reconciled balance plus its cleared transactions dated up to `statementDate` equal `statementBalance`, those transactions become `reconciled` (locked) and the answer says how many. Otherwise nothing changes: 409 `statement-mismatch` with `difference` (statement − Moneta). At most 500 transactions at once (else 422 naming `statementDate`); a 409 `reconcile-interrupted` (a transaction changed meanwhile) is finished by sending the same statement again.
         */
        post: operations["accounts-reconcile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/budgets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's budgets */
        get: operations["budgets-list"];
        put?: never;
        /**
         * Create a budget
         * @description Covers categories (with their subcategories) or all spending, monthly, weekly or yearly in your timezone, with a limit in your home currency, alert thresholds, optional rollover and optional enforcement.
         */
        post: operations["budgets-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/budgets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a budget with its current period: spent, remaining, percent and a pace forecast */
        get: operations["budgets-get"];
        put?: never;
        post?: never;
        /** Delete a budget */
        delete: operations["budgets-delete"];
        options?: never;
        head?: never;
        /**
         * Change a budget
         * @description A change of categories recomputes the current period; past periods keep their history.
         */
        patch: operations["budgets-update"];
        trace?: never;
    };
    "/v1/budgets/{id}/periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A budget's history, period by period */
        get: operations["budgets-periods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/goals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's goals */
        get: operations["goals-list"];
        put?: never;
        /**
         * Create a savings goal
         * @description Funded by an account (saved = its balance) or by contributions (POST …/contributions and transactions tagged `goal:<id>`).
         */
        post: operations["goals-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/goals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a goal: saved, remaining, percent, required monthly saving, on track or behind */
        get: operations["goals-get"];
        put?: never;
        post?: never;
        /** Delete a goal */
        delete: operations["goals-delete"];
        options?: never;
        head?: never;
        /** Change a goal's name, target or deadline */
        patch: operations["goals-update"];
        trace?: never;
    };
    "/v1/goals/{id}/contributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a goal's contributions, newest first */
        get: operations["goal-contributions-list"];
        put?: never;
        /** Add money to (or take it from) a contributions goal */
        post: operations["goal-contributions-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insights/spending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Spending by category, payee, tag or account, against the previous period
         * @description Totals, share and count per group for the months `from`..`to` (default: the current month, month-to-date), and the change against the previous period of the same length. Categories roll up into their parents.
         */
        get: operations["insights-spending"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insights/cash-flow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Income, expense, net and savings rate for each of the last `months` months
         * @description The current month is month-to-date. Transfers between own accounts are shown apart.
         */
        get: operations["insights-cash-flow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insights/net-worth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Net worth on a day (`date`, default today) or at each month end (`from`, `to`, `interval=month`)
         * @description The sum of the accounts' signed balances on that day, each converted to the home currency at the day's ECB reference rate; a currency without one is valued at its transactions' recorded home amounts.
         */
        get: operations["insights-net-worth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insights/restatement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The restatement of your history after the latest change of home currency
         * @description After `PATCH /v1/me {homeCurrency}` a job restates every transaction in the new home currency at its date's rate, and the insight totals with it. 404 when the home currency never changed.
         */
        get: operations["insights-restatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's exports, newest first */
        get: operations["exports-list"];
        put?: never;
        /**
         * Export transactions of a date range as an Excel workbook or a CSV file
         * @description The file is written in the background (follow GET /v1/exports/{id}); when it is ready an email links to its download. At most 100,000 transactions; files are kept 7 days.
         */
        post: operations["exports-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an export: its status (queued, running, ready, failed) and progress */
        get: operations["exports-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a ready export: a redirect to a presigned link valid 5 minutes
         * @description Answers 303 with the link in Location and in the body. Links are minted per request: the email links here, never to the file itself.
         */
        get: operations["exports-download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/captures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List captures in one status (default needs-review), newest first */
        get: operations["captures-list"];
        put?: never;
        /**
         * Capture a bank message (SMS, e-mail, push)
         * @description A transaction message the parser is sure of (confidence ≥ 0.8) whose card or account digits name exactly one account, and that resembles no existing transaction, is recorded; the same message again (or the other alert of the same payment, by its bank reference) is a `duplicate`; OTPs, promotions, balance enquiries and declined payments are `ignored`; anything else waits in review.
         */
        post: operations["captures-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/captures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a capture: the message, its parse and what became of it */
        get: operations["captures-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/captures/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a capture in review: record its transaction, with corrections
         * @description Fields left out are taken from the parse. 409 when the capture is not in review, or when the same payment was recorded meanwhile (`duplicate-external-id`, the capture then turns `duplicate`).
         */
        post: operations["captures-accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/captures/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a capture in review: nothing is recorded */
        post: operations["captures-reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's imports, newest first */
        get: operations["imports-list"];
        put?: never;
        /**
         * Import a bank statement (CSV, OFX/QFX, QIF, CAMT.053) into one account
         * @description With `content` (at most 1 MB) the import is queued at once. Without it the answer holds an upload grant: POST the file (at most 10 MB) as a multipart form to `upload.url` with every field of `upload.fields` and the file last as `file`, then POST /v1/imports/{id}/start. Follow GET /v1/imports/{id}. Each row is recorded once: rows the ledger already holds are reported as duplicates.
         */
        post: operations["imports-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an import whose file has been uploaded through its grant
         * @description Starting an import that is already queued, running or finished answers it as it is.
         */
        post: operations["imports-start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an import: its status, counts (created, duplicates, needs review, failed) and progress */
        get: operations["imports-get"];
        put?: never;
        post?: never;
        /**
         * Undo an import: remove the transactions it created, unless edited since
         * @description Runs in the background (follow GET /v1/imports/{id} until `undone`); balances and budgets follow each removal. Transactions edited since the import are kept and marked `kept-edited` in the report. Asking again answers the import as it is.
         */
        delete: operations["imports-undo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{id}/rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an import's per-row report in file order, of one status when asked */
        get: operations["imports-rows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{id}/rows/{index}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide a row that needs review: record it, or confirm it duplicates the transaction it resembles
         * @description A row needs review when it resembles a transaction already recorded (same account and amount, a close date) without an id of its own to tell. `record` records it as the import would have (rules applied, `cleared`); `duplicate` records nothing. The import's counts follow. Asking again with the same decision answers the row as decided.
         */
        post: operations["imports-review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the caller's notifications, newest first
         * @description Every email Moneta sent, failed to send or suppressed (preference, hourly cap), with its status.
         */
        get: operations["notifications-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the caller's audit trail, newest first
         * @description Every change of your data: which entity, created, updated (the fields that changed, before and after) or deleted, who made it (`user`, or the process: `budget-evaluator`, `goal-tracker`, `ledger-cleaner`, `rates-fetcher`) and the request's correlation id (`x-correlation-id` when you sent one). Entries are kept 400 days.
         */
        get: operations["audit-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/currencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the currencies Moneta accepts */
        get: operations["currencies-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** ECB reference rates on a day, as cross rates from a base currency */
        get: operations["rates-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's rules, in the order they are evaluated (all of them: at most 200) */
        get: operations["rules-list"];
        put?: never;
        /**
         * Create a categorisation rule
         * @description Rules apply, in order, to transactions created without a category (API, captures, imports); the first rule that sets a field wins it. `position` (1-based) places it; default last. At most 200 rules.
         */
        post: operations["rules-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rules worth making: payees whose transactions you re-categorised to one category at least 3 times
         * @description Each comes with a body ready to POST to /v1/rules. Payees a rule already covers are left out.
         */
        get: operations["rules-suggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/suggestions/dismissals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn down a suggestion: that payee is not proposed for that category again
         * @description Takes the `payee` and `categoryId` of a suggestion. Payees are compared as rules compare them (case and spacing folded). Dismissing again answers the first dismissal.
         */
        post: operations["rules-dismiss-suggestion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the order of every rule at once: `ids`, first evaluated first */
        put: operations["rules-order"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a rule with its place in the order */
        get: operations["rules-get"];
        put?: never;
        post?: never;
        /** Delete a rule (what it categorised stays as it is) */
        delete: operations["rules-delete"];
        options?: never;
        head?: never;
        /**
         * Change a rule's name, conditions, actions or enabled switch, or move it (`position`)
         * @description Never re-applies anything by itself: use POST /v1/rules/{id}/apply for existing transactions.
         */
        patch: operations["rules-update"];
        trace?: never;
    };
    "/v1/rules/{id}/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply one rule to existing transactions (a background job with progress)
         * @description Transactions of the range (default: all) that the rule matches are changed as a PATCH would (versioned; balances, budgets and insights follow). `onlyUncategorised` (default true) leaves categorised ones alone. Follow GET /v1/rules/{id}/apply/{jobId}.
         */
        post: operations["rules-apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/{id}/apply/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an apply job: status (queued, running, done, failed) and progress (total, scanned, changed) */
        get: operations["rules-apply-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the attachments of one transaction (`transactionId`) or invoice (`invoiceId`), oldest first
         * @description Without download links: GET /v1/attachments/{id} makes one.
         */
        get: operations["attachments-list"];
        put?: never;
        /**
         * Attach a file (PDF, JPEG, PNG, HEIC, at most 10 MB) to a transaction or an invoice
         * @description Answers the attachment (`pending`) with an upload grant: POST the file as a multipart form to `upload.url` with every field of `upload.fields` and the file last as `file`, within 5 minutes. S3 refuses another content type or a file larger than the declared `size`. GET /v1/attachments/{id} then shows it `uploaded` with a download link. With an `Idempotency-Key`, a retry answers the first response and links nothing more.
         */
        post: operations["attachments-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an attachment: once its file is uploaded, with a download link valid for 5 minutes */
        get: operations["attachments-get"];
        put?: never;
        post?: never;
        /** Delete an attachment and its file */
        delete: operations["attachments-delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payees by name, optionally those whose name starts with `q`
         * @description `q` (or `prefix`) matches however the name was spelled (case, spaces, width); a trailing space ends a word.
         */
        get: operations["payees-list"];
        put?: never;
        /**
         * Create a payee (merchant, supplier, person, employer or customer)
         * @description Names are unique per user once case, width and spaces are folded: a taken name is a 409 naming `name`. Recording a transaction with a new payee name creates its payee too.
         */
        post: operations["payees-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payees/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a payee */
        get: operations["payees-get"];
        put?: never;
        post?: never;
        /**
         * Delete a payee that no transaction references
         * @description A payee with transactions is refused (409 `payee-in-use`): merge it into another payee instead, so its transactions keep a payee.
         */
        delete: operations["payees-delete"];
        options?: never;
        head?: never;
        /**
         * Change a payee's name, kind, default category, contact, tax id, IBAN or notes
         * @description A new name is taken at once (409 naming `name` when another payee has it) and given to the payee’s transactions by a background job, returned as `job` (follow GET /v1/payees/{id}/jobs/{jobId}).
         */
        patch: operations["payees-update"];
        trace?: never;
    };
    "/v1/payees/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge this payee into another (a background job with progress)
         * @description At once: this payee’s name becomes an alias of `intoId` (recordings by it land there) and no new transaction can reference it. Then a job moves each of its transactions to `intoId`, exactly once, and deletes it; PayeesMerged is published. Follow GET /v1/payees/{id}/jobs/{jobId}.
         */
        post: operations["payees-merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payees/{id}/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a rename or merge job: status (queued, running, done) and transactions changed */
        get: operations["payees-job-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's invoices, newest first, optionally by direction and status */
        get: operations["invoices-list"];
        put?: never;
        /**
         * Create an invoice (a draft), received from a supplier or issued to a customer
         * @description Line net = quantity × unitPrice and line tax = net × taxRate / 100, each rounded half-even to minor units; the invoice totals are the sums of its lines. The number is unique per direction (409).
         */
        post: operations["invoices-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an invoice: totals, status, paid and open amounts, and the movements linked to it */
        get: operations["invoices-get"];
        put?: never;
        post?: never;
        /** Delete a draft or a void invoice (an issued one is voided first: 409) */
        delete: operations["invoices-delete"];
        options?: never;
        head?: never;
        /** Change an invoice: anything while draft; notes, due date and payee once issued */
        patch: operations["invoices-update"];
        trace?: never;
    };
    "/v1/invoices/{id}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a draft: its lines and number are fixed from now on, and movements can pay it */
        post: operations["invoices-issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void a draft or an issued invoice that nothing pays (the record stays) */
        post: operations["invoices-void"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe's webhook endpoint
         * @description Stripe's events, signed with the endpoint's signing secret (`Stripe-Signature`, 5 minutes' tolerance). Each is applied by the current state of its PaymentIntent, read again from Stripe, so order and repeats do not matter. A bad or missing signature is a 400 and changes nothing.
         */
        post: operations["payments-webhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an invoice's payments, oldest first */
        get: operations["invoice-payments-list"];
        put?: never;
        /**
         * Get an issued invoice paid: a Stripe-hosted payment page for its open amount
         * @description Returns the payment with `hostedUrl`, the Stripe page to send to the payer (201); the payment the invoice is being paid through, while still usable (open, processing, failed), is returned instead (200), also to concurrent requests. After a payment expired or was canceled, a fresh one with a new link is started. The movement is recorded on `accountId` once Stripe reports the payment.
         */
        post: operations["invoice-payments-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a payment: status, hosted URL while open, receipt once paid, refunded amount */
        get: operations["payments-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a payment that is not paid yet */
        post: operations["payments-cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a payment, in full or in part
         * @description The refund is made at Stripe (the Idempotency-Key is passed on as Stripe's); its movement is recorded once, linked by Stripe's refund id.
         */
        post: operations["payment-refunds-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether this deployment can serve: its table and event bus answer, and which release it runs
         * @description 200 when every dependency answered, 503 with the same body when one did not. Answers are reused for 5 seconds; no user data, no configuration detail beyond the release.
         */
        get: operations["health-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's webhooks */
        get: operations["webhooks-list"];
        put?: never;
        /**
         * Register a webhook: a URL told of the events it subscribes to, each delivery signed
         * @description The URL must be https and reach a public address (private, loopback, link-local, CGNAT, multicast and metadata addresses are refused, after resolving the host name). The signing secret (Standard Webhooks, `whsec_…`) is in this response only.
         */
        post: operations["webhooks-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a webhook (never its secret) */
        get: operations["webhooks-get"];
        put?: never;
        post?: never;
        /** Delete a webhook: nothing more is delivered to it */
        delete: operations["webhooks-delete"];
        options?: never;
        head?: never;
        /** Change a webhook's URL, events, description, or enable/pause it */
        patch: operations["webhooks-update"];
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the signing secret: for 24 hours deliveries carry signatures by both */
        post: operations["webhooks-rotate-secret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a signed `WebhookPing` now and report what the receiver answered */
        post: operations["webhooks-ping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's delivery log, newest first (kept 30 days) */
        get: operations["webhook-deliveries-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attempt a delivery again now (same `webhook-id` and body, fresh timestamp and signature) */
        post: operations["webhook-deliveries-redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payees/{id}/payment-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a payee's saved payment methods, oldest first */
        get: operations["payee-payment-methods-list"];
        put?: never;
        /**
         * Ask a payee to save a payment method for repeat invoices: a Stripe-hosted setup page
         * @description Makes the payee's Stripe Customer (once) and a Checkout Session in `setup` mode; returns its `url`, the Stripe page to send to the payer. Card or SEPA details never reach Moneta: once the payer is done, Stripe's webhook records the method's summary (type, brand, last four, expiry). The Idempotency-Key is passed on as Stripe's.
         */
        post: operations["payee-payment-methods-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payees/{id}/payment-methods/{methodId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a saved payment method (detached at Stripe) */
        delete: operations["payee-payment-methods-delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["openapi-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description application/problem+json (RFC 9457); some problems add members, e.g. existingTransactionId. */
        Problem: {
            /** @description urn:moneta:problem:<slug> */
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance: string;
            /** @description Quote it to support; it is the request id in the logs. */
            correlationId: string;
            errors?: {
                /** @enum {string} */
                in: "body" | "query" | "path" | "header";
                /** @description Dotted path of the field at fault, e.g. `money.currency`. */
                field: string;
                message: string;
            }[];
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "auth-signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    name?: string;
                    homeCurrency?: string;
                    timezone?: string;
                };
            };
        };
        responses: {
            /** @description Registered, not yet confirmed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        confirmed: boolean;
                        codeDelivery?: {
                            medium: string;
                            destination: string;
                        };
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: this route takes 5 per second (bursts of 20) from all callers together; API Gateway answers `{"message":"Too Many Requests"}` itself. Retry after a pause. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth-confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    code: string;
                };
            };
        };
        responses: {
            /** @description Confirmed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        confirmed: true;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: this route takes 5 per second (bursts of 20) from all callers together; API Gateway answers `{"message":"Too Many Requests"}` itself. Retry after a pause. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth-resend-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            /** @description Sent if the account exists and is unconfirmed */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: this route takes 1 per second (bursts of 5) from all callers together; API Gateway answers `{"message":"Too Many Requests"}` itself. Retry after a pause. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth-login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Tokens; send the access token as `Authorization: Bearer <token>` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        idToken: string;
                        refreshToken?: string;
                        expiresIn: number;
                        /** @constant */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description MFA is on: send the authenticator code with this session to POST /v1/auth/login/mfa */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        challenge: "totp";
                        session: string;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Incorrect email or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: this route takes 10 per second (bursts of 40) from all callers together; API Gateway answers `{"message":"Too Many Requests"}` itself. Retry after a pause. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth-login-mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    session: string;
                    code: string;
                };
            };
        };
        responses: {
            /** @description Tokens, as from POST /v1/auth/login */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        idToken: string;
                        refreshToken?: string;
                        expiresIn: number;
                        /** @constant */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The session has expired or was used up; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: this route takes 10 per second (bursts of 40) from all callers together; API Gateway answers `{"message":"Too Many Requests"}` itself. Retry after a pause. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth-refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description New tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        idToken: string;
                        refreshToken?: string;
                        expiresIn: number;
                        /** @constant */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The refresh token is invalid, expired or revoked; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: this route takes 20 per second (bursts of 50) from all callers together; API Gateway answers `{"message":"Too Many Requests"}` itself. Retry after a pause. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth-logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth-forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            /** @description A code is emailed if the account exists */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: this route takes 1 per second (bursts of 5) from all callers together; API Gateway answers `{"message":"Too Many Requests"}` itself. Retry after a pause. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth-reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    code: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Password changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: this route takes 5 per second (bursts of 20) from all callers together; API Gateway answers `{"message":"Too Many Requests"}` itself. Retry after a pause. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth-change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Password changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me-get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        homeCurrency: string;
                        timezone: string;
                        notifications: {
                            budgetThreshold: boolean;
                            budgetExceeded: boolean;
                            goalMilestone: boolean;
                            goalAchieved: boolean;
                            largeTransaction: boolean;
                            largeTransactionAmount: number;
                            /** @default true */
                            unusualSpending: boolean;
                            /** @default true */
                            exportReady: boolean;
                            /** @default true */
                            attachExports: boolean;
                            /** @default true */
                            monthlySummary: boolean;
                            /** @default true */
                            invoiceReminders: boolean;
                            /** @default true */
                            webhookDisabled: boolean;
                            /** @default true */
                            paymentReceipt: boolean;
                            /** @default true */
                            paymentFailed: boolean;
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me-delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    code?: string;
                };
            };
        };
        responses: {
            /** @description Deleting */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "deleting";
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `reauthentication-failed`: the password, or the authenticator code when MFA is on, is not right; nothing changed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed re-authentications of this user; wait for Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable; retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    homeCurrency?: string;
                    timezone?: string;
                    notifications?: {
                        budgetThreshold?: boolean;
                        budgetExceeded?: boolean;
                        goalMilestone?: boolean;
                        goalAchieved?: boolean;
                        largeTransaction?: boolean;
                        largeTransactionAmount?: number;
                        unusualSpending?: boolean;
                        exportReady?: boolean;
                        attachExports?: boolean;
                        monthlySummary?: boolean;
                        invoiceReminders?: boolean;
                        webhookDisabled?: boolean;
                        paymentReceipt?: boolean;
                        paymentFailed?: boolean;
                    };
                };
            };
        };
        responses: {
            /** @description The changed profile */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        homeCurrency: string;
                        timezone: string;
                        notifications: {
                            budgetThreshold: boolean;
                            budgetExceeded: boolean;
                            goalMilestone: boolean;
                            goalAchieved: boolean;
                            largeTransaction: boolean;
                            largeTransactionAmount: number;
                            /** @default true */
                            unusualSpending: boolean;
                            /** @default true */
                            exportReady: boolean;
                            /** @default true */
                            attachExports: boolean;
                            /** @default true */
                            monthlySummary: boolean;
                            /** @default true */
                            invoiceReminders: boolean;
                            /** @default true */
                            webhookDisabled: boolean;
                            /** @default true */
                            paymentReceipt: boolean;
                            /** @default true */
                            paymentFailed: boolean;
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me-email-change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    code?: string;
                };
            };
        };
        responses: {
            /** @description A code is on its way to the new address */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `reauthentication-failed`: the password, or the authenticator code when MFA is on, is not right; nothing changed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed re-authentications of this user; wait for Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me-email-verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description The profile, with the new email */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        homeCurrency: string;
                        timezone: string;
                        notifications: {
                            budgetThreshold: boolean;
                            budgetExceeded: boolean;
                            goalMilestone: boolean;
                            goalAchieved: boolean;
                            largeTransaction: boolean;
                            largeTransactionAmount: number;
                            /** @default true */
                            unusualSpending: boolean;
                            /** @default true */
                            exportReady: boolean;
                            /** @default true */
                            attachExports: boolean;
                            /** @default true */
                            monthlySummary: boolean;
                            /** @default true */
                            invoiceReminders: boolean;
                            /** @default true */
                            webhookDisabled: boolean;
                            /** @default true */
                            paymentReceipt: boolean;
                            /** @default true */
                            paymentFailed: boolean;
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me-mfa-totp-start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The secret, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        otpauthUri: string;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me-mfa-totp-verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description MFA is on: sign-in asks for a code from now on */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me-mfa-disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    code?: string;
                };
            };
        };
        responses: {
            /** @description MFA is off */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `reauthentication-failed`: the password, or the authenticator code when MFA is on, is not right; nothing changed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed re-authentications of this user; wait for Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "accounts-list": {
        parameters: {
            query?: {
                includeArchived?: "true" | "false";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "checking" | "savings" | "credit_card" | "cash" | "investment" | "loan" | "other";
                            currency: string;
                            /** @description Every transaction but void ones: pending + cleared + reconciled. */
                            balance: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description What the bank shows: cleared + reconciled transactions. */
                            clearedBalance: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description The reconciled transactions: what the last reconciliation agreed. */
                            reconciledBalance: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            transactionCount: number;
                            archived: boolean;
                            hints: {
                                lastDigits: string[];
                            };
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "accounts-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    kind: "checking" | "savings" | "credit_card" | "cash" | "investment" | "loan" | "other";
                    currency: string;
                    hints?: {
                        lastDigits: string[];
                    };
                };
            };
        };
        responses: {
            /** @description The new account */
            201: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: "checking" | "savings" | "credit_card" | "cash" | "investment" | "loan" | "other";
                        currency: string;
                        /** @description Every transaction but void ones: pending + cleared + reconciled. */
                        balance: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description What the bank shows: cleared + reconciled transactions. */
                        clearedBalance: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description The reconciled transactions: what the last reconciliation agreed. */
                        reconciledBalance: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        transactionCount: number;
                        archived: boolean;
                        hints: {
                            lastDigits: string[];
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "accounts-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: "checking" | "savings" | "credit_card" | "cash" | "investment" | "loan" | "other";
                        currency: string;
                        /** @description Every transaction but void ones: pending + cleared + reconciled. */
                        balance: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description What the bank shows: cleared + reconciled transactions. */
                        clearedBalance: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description The reconciled transactions: what the last reconciliation agreed. */
                        reconciledBalance: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        transactionCount: number;
                        archived: boolean;
                        hints: {
                            lastDigits: string[];
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "accounts-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "accounts-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @enum {string} */
                    kind?: "checking" | "savings" | "credit_card" | "cash" | "investment" | "loan" | "other";
                    archived?: boolean;
                    hints?: {
                        lastDigits: string[];
                    };
                };
            };
        };
        responses: {
            /** @description The changed account */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: "checking" | "savings" | "credit_card" | "cash" | "investment" | "loan" | "other";
                        currency: string;
                        /** @description Every transaction but void ones: pending + cleared + reconciled. */
                        balance: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description What the bank shows: cleared + reconciled transactions. */
                        clearedBalance: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description The reconciled transactions: what the last reconciliation agreed. */
                        reconciledBalance: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        transactionCount: number;
                        archived: boolean;
                        hints: {
                            lastDigits: string[];
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "categories-list": {
        parameters: {
            query?: {
                includeArchived?: "true" | "false";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of categories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "expense" | "income";
                            parentId: string | null;
                            transactionCount: number;
                            archived: boolean;
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "categories-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    kind: "expense" | "income";
                    parentId?: string | null;
                };
            };
        };
        responses: {
            /** @description The new category */
            201: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: "expense" | "income";
                        parentId: string | null;
                        transactionCount: number;
                        archived: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "categories-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The category */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: "expense" | "income";
                        parentId: string | null;
                        transactionCount: number;
                        archived: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "categories-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "categories-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    parentId?: string | null;
                    archived?: boolean;
                };
            };
        };
        responses: {
            /** @description The changed category */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: "expense" | "income";
                        parentId: string | null;
                        transactionCount: number;
                        archived: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "transactions-list": {
        parameters: {
            query?: {
                /** @description First day included (YYYY-MM-DD) */
                from?: string;
                /** @description Last day included (YYYY-MM-DD) */
                to?: string;
                /** @description Only this account (404 if you have no such account) */
                accountId?: string;
                /** @description Only this category and its subcategories (404 if you have no such category) */
                categoryId?: string;
                kind?: "expense" | "income" | "transfer";
                /** @description Only transactions carrying this tag (case-insensitive) */
                tag?: string;
                /** @description Case-insensitive text in the payee or the note */
                q?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of transactions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            kind: "expense" | "income" | "transfer";
                            accountId: string;
                            /** Format: date */
                            date: string;
                            /** @description As entered. */
                            money: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Signed, in the account's currency: what the balance moved by. */
                            accountAmount: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Signed, in the user's home currency at the time of recording. */
                            homeAmount: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            conversions: {
                                account: {
                                    rate: string;
                                    exactRate?: string;
                                    /** @enum {string} */
                                    source: "ECB" | "user";
                                    /** Format: date */
                                    rateDate: string;
                                    fallback: boolean;
                                    provisional: boolean;
                                    rateAgeDays: number;
                                } | null;
                                home: {
                                    rate: string;
                                    exactRate?: string;
                                    /** @enum {string} */
                                    source: "ECB" | "user";
                                    /** Format: date */
                                    rateDate: string;
                                    fallback: boolean;
                                    provisional: boolean;
                                    rateAgeDays: number;
                                } | null;
                            };
                            categoryId: string | null;
                            payee: string | null;
                            payeeId: string | null;
                            note: string | null;
                            tags: string[];
                            externalId: string | null;
                            transferId: string | null;
                            counterpartAccountId: string | null;
                            /**
                             * @description pending and cleared count in the balance and budgets; void counts nowhere.
                             * @enum {string}
                             */
                            status: "pending" | "cleared" | "reconciled" | "void";
                            /** @description The movement this one refunds: an expense refunded by an income, or an income by an expense. */
                            refundOf: string | null;
                            /** @description What this expense's refunds (not void) add up to, in its account currency. */
                            refundedAmount: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            refundIds: string[];
                            /** @description The invoice this movement pays or refunds. */
                            invoiceId: string | null;
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "transactions-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description expense: money leaves the account; income: money arrives (in an expense category, a refund).
                     * @enum {string}
                     */
                    kind: "expense" | "income";
                    accountId: string;
                    money: {
                        amount: number;
                        currency: string;
                    };
                    accountAmount?: number;
                    /** @description A category of either kind. An income in an expense category is a refund: it lowers that category’s spent in its budgets. An expense in an income category reverses income (e.g. salary paid back) and counts in no budget. */
                    categoryId?: string | null;
                    payee?: string | null;
                    payeeId?: string;
                    note?: string | null;
                    tags?: string[];
                    /** Format: date */
                    date?: string;
                    externalId?: string;
                    /**
                     * @description Defaults to pending (statement imports arrive cleared). Pending counts in the balance and budgets.
                     * @enum {string}
                     */
                    status?: "pending" | "cleared";
                    /** @description The movement this one refunds: an expense refunded by an income, or an income by an expense. */
                    refundOf?: string;
                    /** @description One of your issued invoices, in this currency: an expense pays a received one, an income an issued one; the opposite kind is a refund and lowers what is paid. */
                    invoiceId?: string;
                };
            };
        };
        responses: {
            /** @description The new transaction */
            201: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "expense" | "income" | "transfer";
                        accountId: string;
                        /** Format: date */
                        date: string;
                        /** @description As entered. */
                        money: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description Signed, in the account's currency: what the balance moved by. */
                        accountAmount: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description Signed, in the user's home currency at the time of recording. */
                        homeAmount: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        conversions: {
                            account: {
                                rate: string;
                                exactRate?: string;
                                /** @enum {string} */
                                source: "ECB" | "user";
                                /** Format: date */
                                rateDate: string;
                                fallback: boolean;
                                provisional: boolean;
                                rateAgeDays: number;
                            } | null;
                            home: {
                                rate: string;
                                exactRate?: string;
                                /** @enum {string} */
                                source: "ECB" | "user";
                                /** Format: date */
                                rateDate: string;
                                fallback: boolean;
                                provisional: boolean;
                                rateAgeDays: number;
                            } | null;
                        };
                        categoryId: string | null;
                        payee: string | null;
                        payeeId: string | null;
                        note: string | null;
                        tags: string[];
                        externalId: string | null;
                        transferId: string | null;
                        counterpartAccountId: string | null;
                        /**
                         * @description pending and cleared count in the balance and budgets; void counts nowhere.
                         * @enum {string}
                         */
                        status: "pending" | "cleared" | "reconciled" | "void";
                        /** @description The movement this one refunds: an expense refunded by an income, or an income by an expense. */
                        refundOf: string | null;
                        /** @description What this expense's refunds (not void) add up to, in its account currency. */
                        refundedAmount: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        refundIds: string[];
                        /** @description The invoice this movement pays or refunds. */
                        invoiceId: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "transactions-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transaction */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "expense" | "income" | "transfer";
                        accountId: string;
                        /** Format: date */
                        date: string;
                        /** @description As entered. */
                        money: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description Signed, in the account's currency: what the balance moved by. */
                        accountAmount: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description Signed, in the user's home currency at the time of recording. */
                        homeAmount: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        conversions: {
                            account: {
                                rate: string;
                                exactRate?: string;
                                /** @enum {string} */
                                source: "ECB" | "user";
                                /** Format: date */
                                rateDate: string;
                                fallback: boolean;
                                provisional: boolean;
                                rateAgeDays: number;
                            } | null;
                            home: {
                                rate: string;
                                exactRate?: string;
                                /** @enum {string} */
                                source: "ECB" | "user";
                                /** Format: date */
                                rateDate: string;
                                fallback: boolean;
                                provisional: boolean;
                                rateAgeDays: number;
                            } | null;
                        };
                        categoryId: string | null;
                        payee: string | null;
                        payeeId: string | null;
                        note: string | null;
                        tags: string[];
                        externalId: string | null;
                        transferId: string | null;
                        counterpartAccountId: string | null;
                        /**
                         * @description pending and cleared count in the balance and budgets; void counts nowhere.
                         * @enum {string}
                         */
                        status: "pending" | "cleared" | "reconciled" | "void";
                        /** @description The movement this one refunds: an expense refunded by an income, or an income by an expense. */
                        refundOf: string | null;
                        /** @description What this expense's refunds (not void) add up to, in its account currency. */
                        refundedAmount: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        refundIds: string[];
                        /** @description The invoice this movement pays or refunds. */
                        invoiceId: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "transactions-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "transactions-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description expense: money leaves the account; income: money arrives (in an expense category, a refund).
                     * @enum {string}
                     */
                    kind?: "expense" | "income";
                    accountId?: string;
                    money?: {
                        amount: number;
                        currency: string;
                    };
                    accountAmount?: number;
                    /** @description A category of either kind. An income in an expense category is a refund: it lowers that category’s spent in its budgets. An expense in an income category reverses income (e.g. salary paid back) and counts in no budget. */
                    categoryId?: string | null;
                    payee?: string | null;
                    note?: string | null;
                    tags?: string[];
                    /** Format: date */
                    date?: string;
                    /**
                     * @description void keeps the record and counts nowhere; reconciled is set by reconciliation only.
                     * @enum {string}
                     */
                    status?: "pending" | "cleared" | "void";
                    /**
                     * @description With status cleared: un-reconciles a reconciled transaction.
                     * @constant
                     */
                    unreconcile?: true;
                    invoiceId?: string | null;
                };
            };
        };
        responses: {
            /** @description The changed transaction */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "expense" | "income" | "transfer";
                        accountId: string;
                        /** Format: date */
                        date: string;
                        /** @description As entered. */
                        money: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description Signed, in the account's currency: what the balance moved by. */
                        accountAmount: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description Signed, in the user's home currency at the time of recording. */
                        homeAmount: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        conversions: {
                            account: {
                                rate: string;
                                exactRate?: string;
                                /** @enum {string} */
                                source: "ECB" | "user";
                                /** Format: date */
                                rateDate: string;
                                fallback: boolean;
                                provisional: boolean;
                                rateAgeDays: number;
                            } | null;
                            home: {
                                rate: string;
                                exactRate?: string;
                                /** @enum {string} */
                                source: "ECB" | "user";
                                /** Format: date */
                                rateDate: string;
                                fallback: boolean;
                                provisional: boolean;
                                rateAgeDays: number;
                            } | null;
                        };
                        categoryId: string | null;
                        payee: string | null;
                        payeeId: string | null;
                        note: string | null;
                        tags: string[];
                        externalId: string | null;
                        transferId: string | null;
                        counterpartAccountId: string | null;
                        /**
                         * @description pending and cleared count in the balance and budgets; void counts nowhere.
                         * @enum {string}
                         */
                        status: "pending" | "cleared" | "reconciled" | "void";
                        /** @description The movement this one refunds: an expense refunded by an income, or an income by an expense. */
                        refundOf: string | null;
                        /** @description What this expense's refunds (not void) add up to, in its account currency. */
                        refundedAmount: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        refundIds: string[];
                        /** @description The invoice this movement pays or refunds. */
                        invoiceId: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "transfers-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fromAccountId: string;
                    toAccountId: string;
                    money: {
                        amount: number;
                        currency: string;
                    };
                    toAmount?: number;
                    /** Format: date */
                    date?: string;
                    note?: string | null;
                    tags?: string[];
                    /**
                     * @description Defaults to pending (statement imports arrive cleared). Pending counts in the balance and budgets.
                     * @enum {string}
                     */
                    status?: "pending" | "cleared";
                };
            };
        };
        responses: {
            /** @description Both legs */
            201: {
                headers: {
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        transferId: string;
                        from: {
                            id: string;
                            /** @enum {string} */
                            kind: "expense" | "income" | "transfer";
                            accountId: string;
                            /** Format: date */
                            date: string;
                            /** @description As entered. */
                            money: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Signed, in the account's currency: what the balance moved by. */
                            accountAmount: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Signed, in the user's home currency at the time of recording. */
                            homeAmount: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            conversions: {
                                account: {
                                    rate: string;
                                    exactRate?: string;
                                    /** @enum {string} */
                                    source: "ECB" | "user";
                                    /** Format: date */
                                    rateDate: string;
                                    fallback: boolean;
                                    provisional: boolean;
                                    rateAgeDays: number;
                                } | null;
                                home: {
                                    rate: string;
                                    exactRate?: string;
                                    /** @enum {string} */
                                    source: "ECB" | "user";
                                    /** Format: date */
                                    rateDate: string;
                                    fallback: boolean;
                                    provisional: boolean;
                                    rateAgeDays: number;
                                } | null;
                            };
                            categoryId: string | null;
                            payee: string | null;
                            payeeId: string | null;
                            note: string | null;
                            tags: string[];
                            externalId: string | null;
                            transferId: string | null;
                            counterpartAccountId: string | null;
                            /**
                             * @description pending and cleared count in the balance and budgets; void counts nowhere.
                             * @enum {string}
                             */
                            status: "pending" | "cleared" | "reconciled" | "void";
                            /** @description The movement this one refunds: an expense refunded by an income, or an income by an expense. */
                            refundOf: string | null;
                            /** @description What this expense's refunds (not void) add up to, in its account currency. */
                            refundedAmount: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            refundIds: string[];
                            /** @description The invoice this movement pays or refunds. */
                            invoiceId: string | null;
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        };
                        to: {
                            id: string;
                            /** @enum {string} */
                            kind: "expense" | "income" | "transfer";
                            accountId: string;
                            /** Format: date */
                            date: string;
                            /** @description As entered. */
                            money: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Signed, in the account's currency: what the balance moved by. */
                            accountAmount: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Signed, in the user's home currency at the time of recording. */
                            homeAmount: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            conversions: {
                                account: {
                                    rate: string;
                                    exactRate?: string;
                                    /** @enum {string} */
                                    source: "ECB" | "user";
                                    /** Format: date */
                                    rateDate: string;
                                    fallback: boolean;
                                    provisional: boolean;
                                    rateAgeDays: number;
                                } | null;
                                home: {
                                    rate: string;
                                    exactRate?: string;
                                    /** @enum {string} */
                                    source: "ECB" | "user";
                                    /** Format: date */
                                    rateDate: string;
                                    fallback: boolean;
                                    provisional: boolean;
                                    rateAgeDays: number;
                                } | null;
                            };
                            categoryId: string | null;
                            payee: string | null;
                            payeeId: string | null;
                            note: string | null;
                            tags: string[];
                            externalId: string | null;
                            transferId: string | null;
                            counterpartAccountId: string | null;
                            /**
                             * @description pending and cleared count in the balance and budgets; void counts nowhere.
                             * @enum {string}
                             */
                            status: "pending" | "cleared" | "reconciled" | "void";
                            /** @description The movement this one refunds: an expense refunded by an income, or an income by an expense. */
                            refundOf: string | null;
                            /** @description What this expense's refunds (not void) add up to, in its account currency. */
                            refundedAmount: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            refundIds: string[];
                            /** @description The invoice this movement pays or refunds. */
                            invoiceId: string | null;
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "accounts-reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    statementDate: string;
                    /** @description The statement's closing balance, signed, in minor units of the account's currency. */
                    statementBalance: number;
                };
            };
        };
        responses: {
            /** @description Reconciled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        reconciled: true;
                        reconciledCount: number;
                        reconciledBalance: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** Format: date */
                        statementDate: string;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "budgets-list": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of budgets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            /** @description null: all spending */
                            categoryIds: string[] | null;
                            /** @enum {string} */
                            period: "monthly" | "weekly" | "yearly";
                            limit: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            thresholds: number[];
                            rollover: boolean;
                            enforce: boolean;
                            startDate: string;
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "budgets-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    categoryIds?: string[] | null;
                    /** @enum {string} */
                    period?: "monthly" | "weekly" | "yearly";
                    limit: {
                        amount: number;
                        currency: string;
                    };
                    thresholds?: number[];
                    rollover?: boolean;
                    enforce?: boolean;
                    /** Format: date */
                    startDate?: string;
                };
            };
        };
        responses: {
            /** @description The new budget */
            201: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @description null: all spending */
                        categoryIds: string[] | null;
                        /** @enum {string} */
                        period: "monthly" | "weekly" | "yearly";
                        limit: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        thresholds: number[];
                        rollover: boolean;
                        enforce: boolean;
                        startDate: string;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "budgets-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The budget */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @description null: all spending */
                        categoryIds: string[] | null;
                        /** @enum {string} */
                        period: "monthly" | "weekly" | "yearly";
                        limit: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        thresholds: number[];
                        rollover: boolean;
                        enforce: boolean;
                        startDate: string;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        current: {
                            /** @description 2026-04 (monthly), 2026-W15 (weekly), 2026 (yearly) */
                            periodId: string;
                            start: string;
                            end: string;
                            limit: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            rolloverIn: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            effectiveLimit: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Net of refunds (incomes in covered expense categories); negative when they exceed the spending */
                            spent: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            remaining: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Spent as a percentage of the effective limit, one decimal */
                            percent: number;
                            forecast: {
                                /** @description Spent so far projected linearly to the end of the period */
                                projectedSpent: {
                                    /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                projectedPercent: number;
                                onPace: boolean;
                            };
                        };
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "budgets-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "budgets-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    categoryIds?: string[] | null;
                    limit?: {
                        amount: number;
                        currency: string;
                    };
                    thresholds?: number[];
                    rollover?: boolean;
                    enforce?: boolean;
                };
            };
        };
        responses: {
            /** @description The changed budget */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @description null: all spending */
                        categoryIds: string[] | null;
                        /** @enum {string} */
                        period: "monthly" | "weekly" | "yearly";
                        limit: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        thresholds: number[];
                        rollover: boolean;
                        enforce: boolean;
                        startDate: string;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "budgets-periods": {
        parameters: {
            query?: {
                /** @description First day of interest (YYYY-MM-DD); default: the budget startDate */
                from?: string;
                /** @description Last day of interest (YYYY-MM-DD); default: today */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The periods */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description 2026-04 (monthly), 2026-W15 (weekly), 2026 (yearly) */
                            periodId: string;
                            start: string;
                            end: string;
                            limit: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            rolloverIn: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            effectiveLimit: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Net of refunds (incomes in covered expense categories); negative when they exceed the spending */
                            spent: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            remaining: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Spent as a percentage of the effective limit, one decimal */
                            percent: number;
                        }[];
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "goals-list": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of goals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            target: {
                                amount: number;
                                currency: string;
                            };
                            deadline: string | null;
                            funding: {
                                /** @constant */
                                kind: "account";
                                accountId: string;
                            } | {
                                /** @constant */
                                kind: "contributions";
                            };
                            saved: {
                                amount: number;
                                currency: string;
                            };
                            /** @description What is still missing; 0 once reached. */
                            remaining: {
                                amount: number;
                                currency: string;
                            };
                            /** @description saved / target in percent, one decimal; above 100 when oversaved. */
                            percent: number;
                            /** @description The remainder spread over the whole months left to the deadline, rounded up; null without one. */
                            requiredMonthly: {
                                amount: number;
                                currency: string;
                            } | null;
                            /** @enum {string} */
                            status: "achieved" | "on-track" | "behind" | "no-deadline";
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "goals-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    target: {
                        amount: number;
                        currency: string;
                    };
                    deadline?: string | null;
                    funding: {
                        /** @constant */
                        kind: "account";
                        accountId: string;
                    } | {
                        /** @constant */
                        kind: "contributions";
                    };
                };
            };
        };
        responses: {
            /** @description The new goal */
            201: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        target: {
                            amount: number;
                            currency: string;
                        };
                        deadline: string | null;
                        funding: {
                            /** @constant */
                            kind: "account";
                            accountId: string;
                        } | {
                            /** @constant */
                            kind: "contributions";
                        };
                        saved: {
                            amount: number;
                            currency: string;
                        };
                        /** @description What is still missing; 0 once reached. */
                        remaining: {
                            amount: number;
                            currency: string;
                        };
                        /** @description saved / target in percent, one decimal; above 100 when oversaved. */
                        percent: number;
                        /** @description The remainder spread over the whole months left to the deadline, rounded up; null without one. */
                        requiredMonthly: {
                            amount: number;
                            currency: string;
                        } | null;
                        /** @enum {string} */
                        status: "achieved" | "on-track" | "behind" | "no-deadline";
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "goals-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The goal */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        target: {
                            amount: number;
                            currency: string;
                        };
                        deadline: string | null;
                        funding: {
                            /** @constant */
                            kind: "account";
                            accountId: string;
                        } | {
                            /** @constant */
                            kind: "contributions";
                        };
                        saved: {
                            amount: number;
                            currency: string;
                        };
                        /** @description What is still missing; 0 once reached. */
                        remaining: {
                            amount: number;
                            currency: string;
                        };
                        /** @description saved / target in percent, one decimal; above 100 when oversaved. */
                        percent: number;
                        /** @description The remainder spread over the whole months left to the deadline, rounded up; null without one. */
                        requiredMonthly: {
                            amount: number;
                            currency: string;
                        } | null;
                        /** @enum {string} */
                        status: "achieved" | "on-track" | "behind" | "no-deadline";
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "goals-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "goals-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    target?: {
                        amount: number;
                        currency: string;
                    };
                    deadline?: string | null;
                };
            };
        };
        responses: {
            /** @description The changed goal */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        target: {
                            amount: number;
                            currency: string;
                        };
                        deadline: string | null;
                        funding: {
                            /** @constant */
                            kind: "account";
                            accountId: string;
                        } | {
                            /** @constant */
                            kind: "contributions";
                        };
                        saved: {
                            amount: number;
                            currency: string;
                        };
                        /** @description What is still missing; 0 once reached. */
                        remaining: {
                            amount: number;
                            currency: string;
                        };
                        /** @description saved / target in percent, one decimal; above 100 when oversaved. */
                        percent: number;
                        /** @description The remainder spread over the whole months left to the deadline, rounded up; null without one. */
                        requiredMonthly: {
                            amount: number;
                            currency: string;
                        } | null;
                        /** @enum {string} */
                        status: "achieved" | "on-track" | "behind" | "no-deadline";
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "goal-contributions-list": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of contributions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            goalId: string;
                            /** @description In the goal currency (converted at the date’s ECB rate when sent in another). */
                            money: {
                                amount: number;
                                currency: string;
                            };
                            date: string;
                            note: string | null;
                            createdAt: string;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "goal-contributions-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    money: {
                        amount: number;
                        currency: string;
                    };
                    /** Format: date */
                    date?: string;
                    note?: string | null;
                };
            };
        };
        responses: {
            /** @description The contribution */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        goalId: string;
                        /** @description In the goal currency (converted at the date’s ECB rate when sent in another). */
                        money: {
                            amount: number;
                            currency: string;
                        };
                        date: string;
                        note: string | null;
                        createdAt: string;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "insights-spending": {
        parameters: {
            query?: {
                /** @description A calendar month, `YYYY-MM` */
                from?: string;
                /** @description A calendar month, `YYYY-MM` */
                to?: string;
                groupBy?: "category" | "payee" | "tag" | "account";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Spending by group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        /** @enum {string} */
                        groupBy: "category" | "payee" | "tag" | "account";
                        currency: string;
                        total: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        count: number;
                        previousPeriod: {
                            from: string;
                            to: string;
                            total: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            count: number;
                        };
                        change: {
                            amount: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Against the previous figure, one decimal; null when that was 0. */
                            percent: number | null;
                        };
                        groups: {
                            /** @description Category or account id, normalized payee, tag; null: none. */
                            key: string | null;
                            name: string | null;
                            /** @description Spending: expenses minus refunds. */
                            amount: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            count: number;
                            /** @description Of the period's total spending, percent with one decimal. */
                            share: number | null;
                            /** @description The same group in the previous period of the same length. */
                            previous: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            change: {
                                amount: {
                                    /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                /** @description Against the previous figure, one decimal; null when that was 0. */
                                percent: number | null;
                            };
                            /** @description Subcategories (groupBy=category), included in the amounts above. */
                            children?: {
                                /** @description Category or account id, normalized payee, tag; null: none. */
                                key: string | null;
                                name: string | null;
                                /** @description Spending: expenses minus refunds. */
                                amount: {
                                    /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                count: number;
                                /** @description Of the period's total spending, percent with one decimal. */
                                share: number | null;
                                /** @description The same group in the previous period of the same length. */
                                previous: {
                                    /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                change: {
                                    amount: {
                                        /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                        amount: number;
                                        /** @description ISO 4217 code */
                                        currency: string;
                                    };
                                    /** @description Against the previous figure, one decimal; null when that was 0. */
                                    percent: number | null;
                                };
                            }[];
                        }[];
                        /** @description Home currencies of months left out: recorded before the home currency changed, not yet restated (see restatement). */
                        otherCurrencies: string[];
                        /** @description Set while the history is being restated in a new home currency (the figures are then incomplete); null otherwise. */
                        restatement: {
                            /** @enum {string} */
                            status: "queued" | "running" | "done";
                            /** @description The home currency the history is restated in. */
                            homeCurrency: string;
                            progress: {
                                /** @description Transactions in the new home currency so far. */
                                restated: number;
                                /** @description The transactions to restate (counted when the job started); null while queued. */
                                total: number | null;
                                /** @description Left in their recorded currency: no reference rate to convert them. */
                                unpriceable: number;
                            };
                            startedAt: string | null;
                            completedAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "insights-cash-flow": {
        parameters: {
            query?: {
                months?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cash flow per month */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        currency: string;
                        months: {
                            income: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            expense: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            net: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Moved between own accounts: neither income nor expense. */
                            transfers: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Net of income, percent with one decimal; null without income. */
                            savingsRate: number | null;
                            counts: {
                                income: number;
                                expense: number;
                                transfers: number;
                            };
                            month: string;
                        }[];
                        total: {
                            income: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            expense: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            net: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Moved between own accounts: neither income nor expense. */
                            transfers: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Net of income, percent with one decimal; null without income. */
                            savingsRate: number | null;
                            counts: {
                                income: number;
                                expense: number;
                                transfers: number;
                            };
                        };
                        /** @description Home currencies of months left out: recorded before the home currency changed, not yet restated (see restatement). */
                        otherCurrencies: string[];
                        /** @description Set while the history is being restated in a new home currency (the figures are then incomplete); null otherwise. */
                        restatement: {
                            /** @enum {string} */
                            status: "queued" | "running" | "done";
                            /** @description The home currency the history is restated in. */
                            homeCurrency: string;
                            progress: {
                                /** @description Transactions in the new home currency so far. */
                                restated: number;
                                /** @description The transactions to restate (counted when the job started); null while queued. */
                                total: number | null;
                                /** @description Left in their recorded currency: no reference rate to convert them. */
                                unpriceable: number;
                            };
                            startedAt: string | null;
                            completedAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "insights-net-worth": {
        parameters: {
            query?: {
                date?: string;
                /** @description A calendar month, `YYYY-MM` */
                from?: string;
                /** @description A calendar month, `YYYY-MM` */
                to?: string;
                interval?: "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Net worth with per-account detail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        currency: string;
                        /** @enum {string} */
                        interval: "day" | "month";
                        points: {
                            date: string;
                            total: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            assets: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            liabilities: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            accounts: {
                                id: string;
                                name: string;
                                kind: string;
                                archived: boolean;
                                /** @description On that day, in the account's currency. */
                                balance: {
                                    /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                /** @description In the home currency. */
                                value: {
                                    /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                valuation: {
                                    /** @constant */
                                    source: "same-currency";
                                } | {
                                    /** @constant */
                                    source: "ECB";
                                    rateDate: string;
                                    /** @description Days between the rate used and the date valued. */
                                    rateAgeDays: number;
                                    provisional: boolean;
                                } | {
                                    /** @constant */
                                    source: "recorded";
                                };
                            }[];
                        }[];
                        /** @description Home currencies of months left out: recorded before the home currency changed, not yet restated (see restatement). */
                        otherCurrencies: string[];
                        /** @description Set while the history is being restated in a new home currency (the figures are then incomplete); null otherwise. */
                        restatement: {
                            /** @enum {string} */
                            status: "queued" | "running" | "done";
                            /** @description The home currency the history is restated in. */
                            homeCurrency: string;
                            progress: {
                                /** @description Transactions in the new home currency so far. */
                                restated: number;
                                /** @description The transactions to restate (counted when the job started); null while queued. */
                                total: number | null;
                                /** @description Left in their recorded currency: no reference rate to convert them. */
                                unpriceable: number;
                            };
                            startedAt: string | null;
                            completedAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "insights-restatement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The restatement and its progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "queued" | "running" | "done";
                        /** @description The home currency the history is restated in. */
                        homeCurrency: string;
                        progress: {
                            /** @description Transactions in the new home currency so far. */
                            restated: number;
                            /** @description The transactions to restate (counted when the job started); null while queued. */
                            total: number | null;
                            /** @description Left in their recorded currency: no reference rate to convert them. */
                            unpriceable: number;
                        };
                        startedAt: string | null;
                        completedAt: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "exports-list": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of exports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            format: "xlsx" | "csv";
                            /** @enum {string} */
                            status: "queued" | "running" | "ready" | "failed";
                            filters: {
                                from: string;
                                to: string;
                                accountIds: string[] | null;
                                categoryIds: string[] | null;
                                kind: ("expense" | "income" | "transfer") | null;
                            };
                            /** @description Rows written so far; totalRows once every transaction of the range has been read. */
                            progress: {
                                rowsWritten: number;
                                totalRows: number | null;
                            };
                            /** @description Bytes of the file, once ready. */
                            fileSize: number | null;
                            /** @description Why it failed: `too-many-rows` (narrow the range). */
                            failure: string | null;
                            /** @description The download route, once ready. */
                            download: string | null;
                            createdAt: string;
                            updatedAt: string;
                            completedAt: string | null;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "exports-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    format: "xlsx" | "csv";
                    /** Format: date */
                    from: string;
                    /** Format: date */
                    to: string;
                    accountIds?: string[];
                    categoryIds?: string[];
                    /** @enum {string} */
                    kind?: "expense" | "income" | "transfer";
                };
            };
        };
        responses: {
            /** @description The queued export */
            202: {
                headers: {
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        format: "xlsx" | "csv";
                        /** @enum {string} */
                        status: "queued" | "running" | "ready" | "failed";
                        filters: {
                            from: string;
                            to: string;
                            accountIds: string[] | null;
                            categoryIds: string[] | null;
                            kind: ("expense" | "income" | "transfer") | null;
                        };
                        /** @description Rows written so far; totalRows once every transaction of the range has been read. */
                        progress: {
                            rowsWritten: number;
                            totalRows: number | null;
                        };
                        /** @description Bytes of the file, once ready. */
                        fileSize: number | null;
                        /** @description Why it failed: `too-many-rows` (narrow the range). */
                        failure: string | null;
                        /** @description The download route, once ready. */
                        download: string | null;
                        createdAt: string;
                        updatedAt: string;
                        completedAt: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description accountIds or categoryIds names an id you do not have */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "exports-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        format: "xlsx" | "csv";
                        /** @enum {string} */
                        status: "queued" | "running" | "ready" | "failed";
                        filters: {
                            from: string;
                            to: string;
                            accountIds: string[] | null;
                            categoryIds: string[] | null;
                            kind: ("expense" | "income" | "transfer") | null;
                        };
                        /** @description Rows written so far; totalRows once every transaction of the range has been read. */
                        progress: {
                            rowsWritten: number;
                            totalRows: number | null;
                        };
                        /** @description Bytes of the file, once ready. */
                        fileSize: number | null;
                        /** @description Why it failed: `too-many-rows` (narrow the range). */
                        failure: string | null;
                        /** @description The download route, once ready. */
                        download: string | null;
                        createdAt: string;
                        updatedAt: string;
                        completedAt: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "exports-download": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file is at Location */
            303: {
                headers: {
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A presigned GET of the file; also in Location. */
                        url: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The export is not ready (queued, running or failed) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "captures-list": {
        parameters: {
            query?: {
                status?: "needs-review" | "recorded" | "ignored" | "duplicate" | "rejected";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of captures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /**
                             * @description recorded: its transaction exists (transactionId); duplicate: already recorded as transactionId; needs-review: waits for accept or reject (reviewReasons); ignored: not a transaction (ignoredBecause); rejected: dismissed by the user. Captures that record nothing are kept 30 days.
                             * @enum {string}
                             */
                            status: "needs-review" | "recorded" | "ignored" | "duplicate" | "rejected";
                            text: string;
                            source: ("sms" | "email" | "push") | null;
                            sender: string | null;
                            receivedAt: string | null;
                            /** @description What the parser read, each field with its confidence (0–1). */
                            parse: {
                                /** @constant */
                                kind: "transaction";
                                template: string;
                                direction: {
                                    /** @enum {string} */
                                    value: "debit" | "credit";
                                    confidence: number;
                                } | null;
                                money: {
                                    value: {
                                        amount: number;
                                        currency: string;
                                    };
                                    confidence: number;
                                } | null;
                                accountMoney: {
                                    value: {
                                        amount: number;
                                        currency: string;
                                    };
                                    confidence: number;
                                } | null;
                                counterparty: {
                                    value: string;
                                    confidence: number;
                                } | null;
                                accountHint: {
                                    value: string;
                                    confidence: number;
                                } | null;
                                occurredAt: {
                                    value: {
                                        date: string;
                                        time?: string;
                                    };
                                    confidence: number;
                                } | null;
                                balanceAfter: {
                                    value: {
                                        amount: number;
                                        currency: string;
                                    };
                                    confidence: number;
                                } | null;
                                reference: {
                                    value: string;
                                    confidence: number;
                                } | null;
                                confidence: number;
                            } | {
                                /** @constant */
                                kind: "ignored";
                                /** @enum {string} */
                                reason: "otp" | "promotion" | "balance-enquiry" | "declined" | "not-a-transaction";
                                template?: string;
                            };
                            ignoredBecause: ("otp" | "promotion" | "balance-enquiry" | "declined" | "not-a-transaction") | null;
                            reviewReasons: ("low-confidence" | "incomplete" | "no-matching-account" | "several-matching-accounts" | "possible-duplicate" | "possible-transfer" | "not-recordable")[];
                            /** @description Why recording was refused (e.g. budget-exceeded). */
                            refusal: string | null;
                            /** @description The account its hint named (or the one it was recorded on). */
                            accountId: string | null;
                            candidateAccountIds: string[];
                            /** @description Transactions on that account within ± 2 days with the same amount and a similar payee. */
                            similarTransactionIds: string[];
                            /** @description The other leg, when this looks like a transfer between own accounts. */
                            transfer: {
                                counterpartAccountId: string;
                                counterpartTransactionId: string;
                            } | null;
                            transactionId: string | null;
                            /** @description The transfer accepting it with `asTransfer` created. */
                            transferId: string | null;
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "captures-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                    /** Format: date-time */
                    receivedAt?: string;
                    /** @enum {string} */
                    source?: "sms" | "email" | "push";
                    sender?: string;
                };
            };
        };
        responses: {
            /** @description The capture and what became of it */
            201: {
                headers: {
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /**
                         * @description recorded: its transaction exists (transactionId); duplicate: already recorded as transactionId; needs-review: waits for accept or reject (reviewReasons); ignored: not a transaction (ignoredBecause); rejected: dismissed by the user. Captures that record nothing are kept 30 days.
                         * @enum {string}
                         */
                        status: "needs-review" | "recorded" | "ignored" | "duplicate" | "rejected";
                        text: string;
                        source: ("sms" | "email" | "push") | null;
                        sender: string | null;
                        receivedAt: string | null;
                        /** @description What the parser read, each field with its confidence (0–1). */
                        parse: {
                            /** @constant */
                            kind: "transaction";
                            template: string;
                            direction: {
                                /** @enum {string} */
                                value: "debit" | "credit";
                                confidence: number;
                            } | null;
                            money: {
                                value: {
                                    amount: number;
                                    currency: string;
                                };
                                confidence: number;
                            } | null;
                            accountMoney: {
                                value: {
                                    amount: number;
                                    currency: string;
                                };
                                confidence: number;
                            } | null;
                            counterparty: {
                                value: string;
                                confidence: number;
                            } | null;
                            accountHint: {
                                value: string;
                                confidence: number;
                            } | null;
                            occurredAt: {
                                value: {
                                    date: string;
                                    time?: string;
                                };
                                confidence: number;
                            } | null;
                            balanceAfter: {
                                value: {
                                    amount: number;
                                    currency: string;
                                };
                                confidence: number;
                            } | null;
                            reference: {
                                value: string;
                                confidence: number;
                            } | null;
                            confidence: number;
                        } | {
                            /** @constant */
                            kind: "ignored";
                            /** @enum {string} */
                            reason: "otp" | "promotion" | "balance-enquiry" | "declined" | "not-a-transaction";
                            template?: string;
                        };
                        ignoredBecause: ("otp" | "promotion" | "balance-enquiry" | "declined" | "not-a-transaction") | null;
                        reviewReasons: ("low-confidence" | "incomplete" | "no-matching-account" | "several-matching-accounts" | "possible-duplicate" | "possible-transfer" | "not-recordable")[];
                        /** @description Why recording was refused (e.g. budget-exceeded). */
                        refusal: string | null;
                        /** @description The account its hint named (or the one it was recorded on). */
                        accountId: string | null;
                        candidateAccountIds: string[];
                        /** @description Transactions on that account within ± 2 days with the same amount and a similar payee. */
                        similarTransactionIds: string[];
                        /** @description The other leg, when this looks like a transfer between own accounts. */
                        transfer: {
                            counterpartAccountId: string;
                            counterpartTransactionId: string;
                        } | null;
                        transactionId: string | null;
                        /** @description The transfer accepting it with `asTransfer` created. */
                        transferId: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: this route takes 20 per second (bursts of 100) from all callers together; API Gateway answers `{"message":"Too Many Requests"}` itself. Retry after a pause. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "captures-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The capture */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /**
                         * @description recorded: its transaction exists (transactionId); duplicate: already recorded as transactionId; needs-review: waits for accept or reject (reviewReasons); ignored: not a transaction (ignoredBecause); rejected: dismissed by the user. Captures that record nothing are kept 30 days.
                         * @enum {string}
                         */
                        status: "needs-review" | "recorded" | "ignored" | "duplicate" | "rejected";
                        text: string;
                        source: ("sms" | "email" | "push") | null;
                        sender: string | null;
                        receivedAt: string | null;
                        /** @description What the parser read, each field with its confidence (0–1). */
                        parse: {
                            /** @constant */
                            kind: "transaction";
                            template: string;
                            direction: {
                                /** @enum {string} */
                                value: "debit" | "credit";
                                confidence: number;
                            } | null;
                            money: {
                                value: {
                                    amount: number;
                                    currency: string;
                                };
                                confidence: number;
                            } | null;
                            accountMoney: {
                                value: {
                                    amount: number;
                                    currency: string;
                                };
                                confidence: number;
                            } | null;
                            counterparty: {
                                value: string;
                                confidence: number;
                            } | null;
                            accountHint: {
                                value: string;
                                confidence: number;
                            } | null;
                            occurredAt: {
                                value: {
                                    date: string;
                                    time?: string;
                                };
                                confidence: number;
                            } | null;
                            balanceAfter: {
                                value: {
                                    amount: number;
                                    currency: string;
                                };
                                confidence: number;
                            } | null;
                            reference: {
                                value: string;
                                confidence: number;
                            } | null;
                            confidence: number;
                        } | {
                            /** @constant */
                            kind: "ignored";
                            /** @enum {string} */
                            reason: "otp" | "promotion" | "balance-enquiry" | "declined" | "not-a-transaction";
                            template?: string;
                        };
                        ignoredBecause: ("otp" | "promotion" | "balance-enquiry" | "declined" | "not-a-transaction") | null;
                        reviewReasons: ("low-confidence" | "incomplete" | "no-matching-account" | "several-matching-accounts" | "possible-duplicate" | "possible-transfer" | "not-recordable")[];
                        /** @description Why recording was refused (e.g. budget-exceeded). */
                        refusal: string | null;
                        /** @description The account its hint named (or the one it was recorded on). */
                        accountId: string | null;
                        candidateAccountIds: string[];
                        /** @description Transactions on that account within ± 2 days with the same amount and a similar payee. */
                        similarTransactionIds: string[];
                        /** @description The other leg, when this looks like a transfer between own accounts. */
                        transfer: {
                            counterpartAccountId: string;
                            counterpartTransactionId: string;
                        } | null;
                        transactionId: string | null;
                        /** @description The transfer accepting it with `asTransfer` created. */
                        transferId: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "captures-accept": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accountId?: string;
                    /**
                     * @description expense: money leaves the account; income: money arrives (in an expense category, a refund).
                     * @enum {string}
                     */
                    kind?: "expense" | "income";
                    money?: {
                        amount: number;
                        currency: string;
                    };
                    accountAmount?: number;
                    /** Format: date */
                    date?: string;
                    payee?: string | null;
                    /** @description A category of either kind. An income in an expense category is a refund: it lowers that category’s spent in its budgets. An expense in an income category reverses income (e.g. salary paid back) and counts in no budget. */
                    categoryId?: string | null;
                    note?: string | null;
                    tags?: string[];
                    asTransfer?: boolean;
                };
            };
        };
        responses: {
            /** @description The recorded capture with its transactionId */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /**
                         * @description recorded: its transaction exists (transactionId); duplicate: already recorded as transactionId; needs-review: waits for accept or reject (reviewReasons); ignored: not a transaction (ignoredBecause); rejected: dismissed by the user. Captures that record nothing are kept 30 days.
                         * @enum {string}
                         */
                        status: "needs-review" | "recorded" | "ignored" | "duplicate" | "rejected";
                        text: string;
                        source: ("sms" | "email" | "push") | null;
                        sender: string | null;
                        receivedAt: string | null;
                        /** @description What the parser read, each field with its confidence (0–1). */
                        parse: {
                            /** @constant */
                            kind: "transaction";
                            template: string;
                            direction: {
                                /** @enum {string} */
                                value: "debit" | "credit";
                                confidence: number;
                            } | null;
                            money: {
                                value: {
                                    amount: number;
                                    currency: string;
                                };
                                confidence: number;
                            } | null;
                            accountMoney: {
                                value: {
                                    amount: number;
                                    currency: string;
                                };
                                confidence: number;
                            } | null;
                            counterparty: {
                                value: string;
                                confidence: number;
                            } | null;
                            accountHint: {
                                value: string;
                                confidence: number;
                            } | null;
                            occurredAt: {
                                value: {
                                    date: string;
                                    time?: string;
                                };
                                confidence: number;
                            } | null;
                            balanceAfter: {
                                value: {
                                    amount: number;
                                    currency: string;
                                };
                                confidence: number;
                            } | null;
                            reference: {
                                value: string;
                                confidence: number;
                            } | null;
                            confidence: number;
                        } | {
                            /** @constant */
                            kind: "ignored";
                            /** @enum {string} */
                            reason: "otp" | "promotion" | "balance-enquiry" | "declined" | "not-a-transaction";
                            template?: string;
                        };
                        ignoredBecause: ("otp" | "promotion" | "balance-enquiry" | "declined" | "not-a-transaction") | null;
                        reviewReasons: ("low-confidence" | "incomplete" | "no-matching-account" | "several-matching-accounts" | "possible-duplicate" | "possible-transfer" | "not-recordable")[];
                        /** @description Why recording was refused (e.g. budget-exceeded). */
                        refusal: string | null;
                        /** @description The account its hint named (or the one it was recorded on). */
                        accountId: string | null;
                        candidateAccountIds: string[];
                        /** @description Transactions on that account within ± 2 days with the same amount and a similar payee. */
                        similarTransactionIds: string[];
                        /** @description The other leg, when this looks like a transfer between own accounts. */
                        transfer: {
                            counterpartAccountId: string;
                            counterpartTransactionId: string;
                        } | null;
                        transactionId: string | null;
                        /** @description The transfer accepting it with `asTransfer` created. */
                        transferId: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "captures-reject": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The rejected capture */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /**
                         * @description recorded: its transaction exists (transactionId); duplicate: already recorded as transactionId; needs-review: waits for accept or reject (reviewReasons); ignored: not a transaction (ignoredBecause); rejected: dismissed by the user. Captures that record nothing are kept 30 days.
                         * @enum {string}
                         */
                        status: "needs-review" | "recorded" | "ignored" | "duplicate" | "rejected";
                        text: string;
                        source: ("sms" | "email" | "push") | null;
                        sender: string | null;
                        receivedAt: string | null;
                        /** @description What the parser read, each field with its confidence (0–1). */
                        parse: {
                            /** @constant */
                            kind: "transaction";
                            template: string;
                            direction: {
                                /** @enum {string} */
                                value: "debit" | "credit";
                                confidence: number;
                            } | null;
                            money: {
                                value: {
                                    amount: number;
                                    currency: string;
                                };
                                confidence: number;
                            } | null;
                            accountMoney: {
                                value: {
                                    amount: number;
                                    currency: string;
                                };
                                confidence: number;
                            } | null;
                            counterparty: {
                                value: string;
                                confidence: number;
                            } | null;
                            accountHint: {
                                value: string;
                                confidence: number;
                            } | null;
                            occurredAt: {
                                value: {
                                    date: string;
                                    time?: string;
                                };
                                confidence: number;
                            } | null;
                            balanceAfter: {
                                value: {
                                    amount: number;
                                    currency: string;
                                };
                                confidence: number;
                            } | null;
                            reference: {
                                value: string;
                                confidence: number;
                            } | null;
                            confidence: number;
                        } | {
                            /** @constant */
                            kind: "ignored";
                            /** @enum {string} */
                            reason: "otp" | "promotion" | "balance-enquiry" | "declined" | "not-a-transaction";
                            template?: string;
                        };
                        ignoredBecause: ("otp" | "promotion" | "balance-enquiry" | "declined" | "not-a-transaction") | null;
                        reviewReasons: ("low-confidence" | "incomplete" | "no-matching-account" | "several-matching-accounts" | "possible-duplicate" | "possible-transfer" | "not-recordable")[];
                        /** @description Why recording was refused (e.g. budget-exceeded). */
                        refusal: string | null;
                        /** @description The account its hint named (or the one it was recorded on). */
                        accountId: string | null;
                        candidateAccountIds: string[];
                        /** @description Transactions on that account within ± 2 days with the same amount and a similar payee. */
                        similarTransactionIds: string[];
                        /** @description The other leg, when this looks like a transfer between own accounts. */
                        transfer: {
                            counterpartAccountId: string;
                            counterpartTransactionId: string;
                        } | null;
                        transactionId: string | null;
                        /** @description The transfer accepting it with `asTransfer` created. */
                        transferId: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "imports-list": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of imports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            accountId: string;
                            /** @enum {string} */
                            format: "csv" | "ofx" | "qif" | "camt053";
                            preset: string | null;
                            /** @enum {string} */
                            status: "awaiting-upload" | "queued" | "running" | "completed" | "failed" | "undoing" | "undone";
                            /** @description Rows reported on so far; total once the file has been read. */
                            progress: {
                                processed: number;
                                total: number | null;
                            };
                            counts: {
                                total: number | null;
                                created: number;
                                duplicates: number;
                                needsReview: number;
                                failed: number;
                                skipped: number;
                            };
                            /** @description Once undo started: transactions removed, kept because edited since, already deleted. */
                            undo: {
                                removed: number;
                                keptEdited: number;
                                alreadyDeleted: number;
                            } | null;
                            /** @description Why it failed: `not-a-statement: …`, `file-missing`, `too-many-rows`. */
                            failure: string | null;
                            /** @description The per-row report. */
                            rows: string;
                            /** @description Only when the import awaits its file: POST a multipart form to url with every field, then the file as `file`; then POST start. */
                            upload: {
                                url: string;
                                fields: {
                                    [key: string]: string;
                                };
                                contentType: string;
                                maxBytes: number;
                                expiresAt: string;
                                start: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            completedAt: string | null;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "imports-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accountId: string;
                    /** @enum {string} */
                    format: "csv" | "ofx" | "qif" | "camt053";
                    mapping?: {
                        /** @enum {string} */
                        delimiter?: "," | ";" | "\t" | "|";
                        /** @enum {string} */
                        decimalSeparator: "." | ",";
                        /** @enum {string} */
                        dateFormat: "YYYY-MM-DD" | "DD/MM/YYYY" | "MM/DD/YYYY" | "DD.MM.YYYY" | "DD-MM-YYYY" | "YYYYMMDD";
                        columns: {
                            date: string;
                            amount?: string;
                            debit?: string;
                            credit?: string;
                            payee?: string;
                            note?: string;
                            currency?: string;
                            reference?: string;
                        };
                    };
                    preset?: string;
                    /** @enum {string} */
                    dateOrder?: "DMY" | "MDY";
                    content?: string;
                    contentType?: string;
                };
            };
        };
        responses: {
            /** @description The import, queued (inline content) or awaiting its upload */
            202: {
                headers: {
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        /** @enum {string} */
                        format: "csv" | "ofx" | "qif" | "camt053";
                        preset: string | null;
                        /** @enum {string} */
                        status: "awaiting-upload" | "queued" | "running" | "completed" | "failed" | "undoing" | "undone";
                        /** @description Rows reported on so far; total once the file has been read. */
                        progress: {
                            processed: number;
                            total: number | null;
                        };
                        counts: {
                            total: number | null;
                            created: number;
                            duplicates: number;
                            needsReview: number;
                            failed: number;
                            skipped: number;
                        };
                        /** @description Once undo started: transactions removed, kept because edited since, already deleted. */
                        undo: {
                            removed: number;
                            keptEdited: number;
                            alreadyDeleted: number;
                        } | null;
                        /** @description Why it failed: `not-a-statement: …`, `file-missing`, `too-many-rows`. */
                        failure: string | null;
                        /** @description The per-row report. */
                        rows: string;
                        /** @description Only when the import awaits its file: POST a multipart form to url with every field, then the file as `file`; then POST start. */
                        upload: {
                            url: string;
                            fields: {
                                [key: string]: string;
                            };
                            contentType: string;
                            maxBytes: number;
                            expiresAt: string;
                            start: string;
                        } | null;
                        createdAt: string;
                        updatedAt: string;
                        completedAt: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The account does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The mapping or preset cannot be used (a CSV needs one; a mapping needs an amount or debit and credit columns), the content type is not one of the format, or the inline content is not in the format */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "imports-start": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The import */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        /** @enum {string} */
                        format: "csv" | "ofx" | "qif" | "camt053";
                        preset: string | null;
                        /** @enum {string} */
                        status: "awaiting-upload" | "queued" | "running" | "completed" | "failed" | "undoing" | "undone";
                        /** @description Rows reported on so far; total once the file has been read. */
                        progress: {
                            processed: number;
                            total: number | null;
                        };
                        counts: {
                            total: number | null;
                            created: number;
                            duplicates: number;
                            needsReview: number;
                            failed: number;
                            skipped: number;
                        };
                        /** @description Once undo started: transactions removed, kept because edited since, already deleted. */
                        undo: {
                            removed: number;
                            keptEdited: number;
                            alreadyDeleted: number;
                        } | null;
                        /** @description Why it failed: `not-a-statement: …`, `file-missing`, `too-many-rows`. */
                        failure: string | null;
                        /** @description The per-row report. */
                        rows: string;
                        /** @description Only when the import awaits its file: POST a multipart form to url with every field, then the file as `file`; then POST start. */
                        upload: {
                            url: string;
                            fields: {
                                [key: string]: string;
                            };
                            contentType: string;
                            maxBytes: number;
                            expiresAt: string;
                            start: string;
                        } | null;
                        createdAt: string;
                        updatedAt: string;
                        completedAt: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The file has not been uploaded yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "imports-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The import */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        /** @enum {string} */
                        format: "csv" | "ofx" | "qif" | "camt053";
                        preset: string | null;
                        /** @enum {string} */
                        status: "awaiting-upload" | "queued" | "running" | "completed" | "failed" | "undoing" | "undone";
                        /** @description Rows reported on so far; total once the file has been read. */
                        progress: {
                            processed: number;
                            total: number | null;
                        };
                        counts: {
                            total: number | null;
                            created: number;
                            duplicates: number;
                            needsReview: number;
                            failed: number;
                            skipped: number;
                        };
                        /** @description Once undo started: transactions removed, kept because edited since, already deleted. */
                        undo: {
                            removed: number;
                            keptEdited: number;
                            alreadyDeleted: number;
                        } | null;
                        /** @description Why it failed: `not-a-statement: …`, `file-missing`, `too-many-rows`. */
                        failure: string | null;
                        /** @description The per-row report. */
                        rows: string;
                        /** @description Only when the import awaits its file: POST a multipart form to url with every field, then the file as `file`; then POST start. */
                        upload: {
                            url: string;
                            fields: {
                                [key: string]: string;
                            };
                            contentType: string;
                            maxBytes: number;
                            expiresAt: string;
                            start: string;
                        } | null;
                        createdAt: string;
                        updatedAt: string;
                        completedAt: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "imports-undo": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The import, undoing */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        /** @enum {string} */
                        format: "csv" | "ofx" | "qif" | "camt053";
                        preset: string | null;
                        /** @enum {string} */
                        status: "awaiting-upload" | "queued" | "running" | "completed" | "failed" | "undoing" | "undone";
                        /** @description Rows reported on so far; total once the file has been read. */
                        progress: {
                            processed: number;
                            total: number | null;
                        };
                        counts: {
                            total: number | null;
                            created: number;
                            duplicates: number;
                            needsReview: number;
                            failed: number;
                            skipped: number;
                        };
                        /** @description Once undo started: transactions removed, kept because edited since, already deleted. */
                        undo: {
                            removed: number;
                            keptEdited: number;
                            alreadyDeleted: number;
                        } | null;
                        /** @description Why it failed: `not-a-statement: …`, `file-missing`, `too-many-rows`. */
                        failure: string | null;
                        /** @description The per-row report. */
                        rows: string;
                        /** @description Only when the import awaits its file: POST a multipart form to url with every field, then the file as `file`; then POST start. */
                        upload: {
                            url: string;
                            fields: {
                                [key: string]: string;
                            };
                            contentType: string;
                            maxBytes: number;
                            expiresAt: string;
                            start: string;
                        } | null;
                        createdAt: string;
                        updatedAt: string;
                        completedAt: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The import is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "imports-rows": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "created" | "duplicate" | "needs-review" | "failed" | "skipped";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of report rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            line: number;
                            /** @enum {string} */
                            status: "created" | "duplicate" | "needs-review" | "failed" | "skipped";
                            date: string | null;
                            /** @description Signed minor units of currency: negative is money out. */
                            amount: number | null;
                            currency: string | null;
                            payee: string | null;
                            /** @description created: the transaction recorded; duplicate: the one already there; needs-review: the candidate. */
                            transactionId: string | null;
                            /** @description failed: why the row could not be recorded; skipped: why it is no booking. */
                            reason: string | null;
                            /** @description After undo, what happened to a created row. */
                            undo: ("removed" | "kept-edited" | "already-deleted") | null;
                            /** @description The row's place in the report, from 0: POST /v1/imports/{id}/rows/{index}/review decides it. */
                            index: number;
                            /** @description For a row that needed review: what was decided (`record` or `duplicate`). */
                            review: ("record" | "duplicate") | null;
                            /** @description For a row that needed review and was decided: the transaction it resembled. */
                            candidateId: string | null;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "imports-review": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                index: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description `record`: it is a transaction of its own, record it; `duplicate`: it is the transaction it resembles, record nothing.
                     * @enum {string}
                     */
                    decision: "record" | "duplicate";
                };
            };
        };
        responses: {
            /** @description The row, decided */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        line: number;
                        /** @enum {string} */
                        status: "created" | "duplicate" | "needs-review" | "failed" | "skipped";
                        date: string | null;
                        /** @description Signed minor units of currency: negative is money out. */
                        amount: number | null;
                        currency: string | null;
                        payee: string | null;
                        /** @description created: the transaction recorded; duplicate: the one already there; needs-review: the candidate. */
                        transactionId: string | null;
                        /** @description failed: why the row could not be recorded; skipped: why it is no booking. */
                        reason: string | null;
                        /** @description After undo, what happened to a created row. */
                        undo: ("removed" | "kept-edited" | "already-deleted") | null;
                        /** @description The row's place in the report, from 0: POST /v1/imports/{id}/rows/{index}/review decides it. */
                        index: number;
                        /** @description For a row that needed review: what was decided (`record` or `duplicate`). */
                        review: ("record" | "duplicate") | null;
                        /** @description For a row that needed review and was decided: the transaction it resembled. */
                        candidateId: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The row does not need review (or was decided otherwise), the import is still running or was undone, its line is now recorded, or a budget in enforce mode refuses it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "notifications-list": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notifications */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            kind: "welcome" | "budgetThreshold" | "budgetExceeded" | "goalMilestone" | "goalAchieved" | "largeTransaction" | "unusualSpending" | "exportReady" | "monthlySummary" | "invoiceReminders" | "webhookDisabled" | "paymentReceipt" | "paymentFailed";
                            /** @enum {string} */
                            status: "sending" | "sent" | "failed" | "suppressed";
                            attempts: number;
                            sesMessageId: string | null;
                            reason: string | null;
                            createdAt: string;
                            updatedAt: string;
                            sentAt: string | null;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "audit-list": {
        parameters: {
            query?: {
                /** @description Only entries of this entity type (`account`, `transaction`, `budget_alert` …) */
                entity?: string;
                /** @description Only entries of this entity (needs `entity`) */
                entityId?: string;
                /** @description Earliest change included: a date (UTC day) or a date-time */
                from?: string;
                /** @description Latest change included: a date (UTC day) or a date-time */
                to?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            entity: string;
                            entityId: string;
                            /** @enum {string} */
                            operation: "created" | "updated" | "deleted";
                            event: string;
                            actor: string;
                            correlationId: string | null;
                            occurredAt: string;
                            version: number;
                            before: {
                                [key: string]: unknown;
                            } | null;
                            after: {
                                [key: string]: unknown;
                            } | null;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "currencies-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every supported currency */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            code: string;
                            exponent: number;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "rates-get": {
        parameters: {
            query?: {
                base?: string;
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rates in force on that day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        base: string;
                        /** Format: date */
                        requestedDate: string;
                        /**
                         * Format: date
                         * @description The publication day used
                         */
                        date: string;
                        /** @description True when the requested day had no publication */
                        fallback: boolean;
                        /** @constant */
                        source: "ECB";
                        rates: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "rules-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules, first evaluated first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            enabled: boolean;
                            /** @description 1-based place in the evaluation order */
                            position: number;
                            /** @enum {string} */
                            match: "all" | "any";
                            conditions: {
                                /** @enum {string} */
                                field: "payee" | "note" | "amount" | "account" | "direction" | "currency";
                                /** @enum {string} */
                                op: "equals" | "contains" | "regex" | "between" | "in";
                                value?: string;
                                values?: string[];
                                min?: number | null;
                                max?: number | null;
                                currency?: string | null;
                            }[];
                            actions: {
                                categoryId: string | null;
                                payee: string | null;
                                addTags: string[];
                                note: string | null;
                            };
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "rules-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    enabled?: boolean;
                    /** @enum {string} */
                    match?: "all" | "any";
                    conditions: ({
                        /** @constant */
                        field: "payee";
                        /** @enum {string} */
                        op: "equals" | "contains" | "regex";
                        value: string;
                    } | {
                        /** @constant */
                        field: "note";
                        /** @enum {string} */
                        op: "equals" | "contains" | "regex";
                        value: string;
                    } | {
                        /** @constant */
                        field: "amount";
                        /** @constant */
                        op: "between";
                        min?: number | null;
                        max?: number | null;
                        currency?: string | null;
                    } | {
                        /** @constant */
                        field: "account";
                        /** @constant */
                        op: "in";
                        values: string[];
                    } | {
                        /** @constant */
                        field: "direction";
                        /** @constant */
                        op: "equals";
                        /** @enum {string} */
                        value: "expense" | "income";
                    } | {
                        /** @constant */
                        field: "currency";
                        /** @constant */
                        op: "in";
                        values: string[];
                    })[];
                    actions: {
                        categoryId?: string | null;
                        payee?: string | null;
                        addTags?: string[];
                        note?: string | null;
                    };
                    position?: number;
                };
            };
        };
        responses: {
            /** @description The new rule */
            201: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        enabled: boolean;
                        /** @description 1-based place in the evaluation order */
                        position: number;
                        /** @enum {string} */
                        match: "all" | "any";
                        conditions: {
                            /** @enum {string} */
                            field: "payee" | "note" | "amount" | "account" | "direction" | "currency";
                            /** @enum {string} */
                            op: "equals" | "contains" | "regex" | "between" | "in";
                            value?: string;
                            values?: string[];
                            min?: number | null;
                            max?: number | null;
                            currency?: string | null;
                        }[];
                        actions: {
                            categoryId: string | null;
                            payee: string | null;
                            addTags: string[];
                            note: string | null;
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description You have 200 rules already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A regex the linear-time engine refuses, or a category in actions you do not have */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "rules-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The suggestions, most re-categorised first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            payee: string;
                            categoryId: string;
                            count: number;
                            /** @description A body ready to POST to /v1/rules */
                            rule: Record<string, never>;
                        }[];
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "rules-dismiss-suggestion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    payee: string;
                    categoryId: string;
                };
            };
        };
        responses: {
            /** @description The dismissal */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payee: string;
                        categoryId: string;
                        /** @description When it was first dismissed */
                        dismissedAt: string;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "rules-order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids: string[];
                };
            };
        };
        responses: {
            /** @description The rules in their new order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            enabled: boolean;
                            /** @description 1-based place in the evaluation order */
                            position: number;
                            /** @enum {string} */
                            match: "all" | "any";
                            conditions: {
                                /** @enum {string} */
                                field: "payee" | "note" | "amount" | "account" | "direction" | "currency";
                                /** @enum {string} */
                                op: "equals" | "contains" | "regex" | "between" | "in";
                                value?: string;
                                values?: string[];
                                min?: number | null;
                                max?: number | null;
                                currency?: string | null;
                            }[];
                            actions: {
                                categoryId: string | null;
                                payee: string | null;
                                addTags: string[];
                                note: string | null;
                            };
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "rules-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        enabled: boolean;
                        /** @description 1-based place in the evaluation order */
                        position: number;
                        /** @enum {string} */
                        match: "all" | "any";
                        conditions: {
                            /** @enum {string} */
                            field: "payee" | "note" | "amount" | "account" | "direction" | "currency";
                            /** @enum {string} */
                            op: "equals" | "contains" | "regex" | "between" | "in";
                            value?: string;
                            values?: string[];
                            min?: number | null;
                            max?: number | null;
                            currency?: string | null;
                        }[];
                        actions: {
                            categoryId: string | null;
                            payee: string | null;
                            addTags: string[];
                            note: string | null;
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "rules-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "rules-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    enabled?: boolean;
                    /** @enum {string} */
                    match?: "all" | "any";
                    conditions?: ({
                        /** @constant */
                        field: "payee";
                        /** @enum {string} */
                        op: "equals" | "contains" | "regex";
                        value: string;
                    } | {
                        /** @constant */
                        field: "note";
                        /** @enum {string} */
                        op: "equals" | "contains" | "regex";
                        value: string;
                    } | {
                        /** @constant */
                        field: "amount";
                        /** @constant */
                        op: "between";
                        min?: number | null;
                        max?: number | null;
                        currency?: string | null;
                    } | {
                        /** @constant */
                        field: "account";
                        /** @constant */
                        op: "in";
                        values: string[];
                    } | {
                        /** @constant */
                        field: "direction";
                        /** @constant */
                        op: "equals";
                        /** @enum {string} */
                        value: "expense" | "income";
                    } | {
                        /** @constant */
                        field: "currency";
                        /** @constant */
                        op: "in";
                        values: string[];
                    })[];
                    actions?: {
                        categoryId?: string | null;
                        payee?: string | null;
                        addTags?: string[];
                        note?: string | null;
                    };
                    position?: number;
                };
            };
        };
        responses: {
            /** @description The changed rule */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        enabled: boolean;
                        /** @description 1-based place in the evaluation order */
                        position: number;
                        /** @enum {string} */
                        match: "all" | "any";
                        conditions: {
                            /** @enum {string} */
                            field: "payee" | "note" | "amount" | "account" | "direction" | "currency";
                            /** @enum {string} */
                            op: "equals" | "contains" | "regex" | "between" | "in";
                            value?: string;
                            values?: string[];
                            min?: number | null;
                            max?: number | null;
                            currency?: string | null;
                        }[];
                        actions: {
                            categoryId: string | null;
                            payee: string | null;
                            addTags: string[];
                            note: string | null;
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A regex the linear-time engine refuses, or a category in actions you do not have */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "rules-apply": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    from?: string;
                    /** Format: date */
                    to?: string;
                    onlyUncategorised?: boolean;
                };
            };
        };
        responses: {
            /** @description The queued job */
            202: {
                headers: {
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        ruleId: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "done" | "failed";
                        from: string | null;
                        to: string | null;
                        onlyUncategorised: boolean;
                        progress: {
                            /** @description Transactions in the range when the job was queued */
                            total: number;
                            scanned: number;
                            changed: number;
                            /** @description Matched but not changed: a transfer leg, or refused by a budget in enforce mode */
                            skipped: number;
                        };
                        failure: string | null;
                        createdAt: string;
                        completedAt: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "rules-apply-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        ruleId: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "done" | "failed";
                        from: string | null;
                        to: string | null;
                        onlyUncategorised: boolean;
                        progress: {
                            /** @description Transactions in the range when the job was queued */
                            total: number;
                            scanned: number;
                            changed: number;
                            /** @description Matched but not changed: a transfer leg, or refused by a budget in enforce mode */
                            skipped: number;
                        };
                        failure: string | null;
                        createdAt: string;
                        completedAt: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "attachments-list": {
        parameters: {
            query?: {
                transactionId?: string;
                invoiceId?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of attachments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            transactionId: string | null;
                            invoiceId: string | null;
                            fileName: string;
                            contentType: string;
                            /** @description Bytes: as declared until the file is uploaded, then as stored. */
                            size: number;
                            /** @enum {string} */
                            status: "pending" | "uploaded";
                            createdAt: string;
                            uploadedAt: string | null;
                            /** @description A link that downloads the file for 5 minutes (GET, no credentials; saved under fileName); null until the file is uploaded and in lists. */
                            download: {
                                url: string;
                                expiresAt: string;
                            } | null;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "attachments-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fileName: string;
                    contentType: string;
                    size: number;
                    transactionId?: string;
                    invoiceId?: string;
                };
            };
        };
        responses: {
            /** @description The attachment, pending its upload, with the upload grant */
            201: {
                headers: {
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        transactionId: string | null;
                        invoiceId: string | null;
                        fileName: string;
                        contentType: string;
                        /** @description Bytes: as declared until the file is uploaded, then as stored. */
                        size: number;
                        /** @enum {string} */
                        status: "pending" | "uploaded";
                        createdAt: string;
                        uploadedAt: string | null;
                        /** @description A link that downloads the file for 5 minutes (GET, no credentials; saved under fileName); null until the file is uploaded and in lists. */
                        download: {
                            url: string;
                            expiresAt: string;
                        } | null;
                        /** @description POST a multipart form to `url` with every field of `fields`, then the file last as `file`, before `expiresAt`. S3 refuses another content type or a file larger than `maxBytes`. */
                        upload: {
                            url: string;
                            fields: {
                                [key: string]: string;
                            };
                            contentType: string;
                            maxBytes: number;
                            expiresAt: string;
                        };
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The content type is not one of application/pdf, image/jpeg, image/png, image/heic, the size is over 10 MB, or the transaction or invoice does not exist */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "attachments-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        transactionId: string | null;
                        invoiceId: string | null;
                        fileName: string;
                        contentType: string;
                        /** @description Bytes: as declared until the file is uploaded, then as stored. */
                        size: number;
                        /** @enum {string} */
                        status: "pending" | "uploaded";
                        createdAt: string;
                        uploadedAt: string | null;
                        /** @description A link that downloads the file for 5 minutes (GET, no credentials; saved under fileName); null until the file is uploaded and in lists. */
                        download: {
                            url: string;
                            expiresAt: string;
                        } | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "attachments-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "payees-list": {
        parameters: {
            query?: {
                q?: string;
                prefix?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of payees */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "merchant" | "supplier" | "person" | "employer" | "customer";
                            defaultCategoryId: string | null;
                            contact: {
                                email: string | null;
                                phone: string | null;
                                address: string | null;
                            };
                            taxId: string | null;
                            /** @description Compact and upper-case, its check digits verified. */
                            iban: string | null;
                            notes: string | null;
                            /** @description Transactions recorded with it (a merge adds the source’s). */
                            transactionCount: number;
                            lastUsedAt: string | null;
                            /** @description While a merge into that payee is under way. */
                            mergingInto: string | null;
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "payees-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    kind?: "merchant" | "supplier" | "person" | "employer" | "customer";
                    defaultCategoryId?: string | null;
                    contact?: {
                        email?: string | null;
                        phone?: string | null;
                        address?: string | null;
                    };
                    taxId?: string | null;
                    iban?: string | null;
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description The new payee */
            201: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: "merchant" | "supplier" | "person" | "employer" | "customer";
                        defaultCategoryId: string | null;
                        contact: {
                            email: string | null;
                            phone: string | null;
                            address: string | null;
                        };
                        taxId: string | null;
                        /** @description Compact and upper-case, its check digits verified. */
                        iban: string | null;
                        notes: string | null;
                        /** @description Transactions recorded with it (a merge adds the source’s). */
                        transactionCount: number;
                        lastUsedAt: string | null;
                        /** @description While a merge into that payee is under way. */
                        mergingInto: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "payees-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payee */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: "merchant" | "supplier" | "person" | "employer" | "customer";
                        defaultCategoryId: string | null;
                        contact: {
                            email: string | null;
                            phone: string | null;
                            address: string | null;
                        };
                        taxId: string | null;
                        /** @description Compact and upper-case, its check digits verified. */
                        iban: string | null;
                        notes: string | null;
                        /** @description Transactions recorded with it (a merge adds the source’s). */
                        transactionCount: number;
                        lastUsedAt: string | null;
                        /** @description While a merge into that payee is under way. */
                        mergingInto: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "payees-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "payees-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @enum {string} */
                    kind?: "merchant" | "supplier" | "person" | "employer" | "customer";
                    defaultCategoryId?: string | null;
                    contact?: {
                        email?: string | null;
                        phone?: string | null;
                        address?: string | null;
                    };
                    taxId?: string | null;
                    iban?: string | null;
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description The changed payee */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: "merchant" | "supplier" | "person" | "employer" | "customer";
                        defaultCategoryId: string | null;
                        contact: {
                            email: string | null;
                            phone: string | null;
                            address: string | null;
                        };
                        taxId: string | null;
                        /** @description Compact and upper-case, its check digits verified. */
                        iban: string | null;
                        notes: string | null;
                        /** @description Transactions recorded with it (a merge adds the source’s). */
                        transactionCount: number;
                        lastUsedAt: string | null;
                        /** @description While a merge into that payee is under way. */
                        mergingInto: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        job?: {
                            id: string;
                            /** @enum {string} */
                            kind: "rename" | "merge";
                            payeeId: string;
                            intoId: string | null;
                            /** @description The name the transactions get. */
                            name: string;
                            /** @enum {string} */
                            status: "queued" | "running" | "done";
                            /** @description Transactions changed so far. */
                            changed: number;
                            createdAt: string;
                            completedAt: string | null;
                        };
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "payees-merge": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    intoId: string;
                };
            };
        };
        responses: {
            /** @description The queued job */
            202: {
                headers: {
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "rename" | "merge";
                        payeeId: string;
                        intoId: string | null;
                        /** @description The name the transactions get. */
                        name: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "done";
                        /** @description Transactions changed so far. */
                        changed: number;
                        createdAt: string;
                        completedAt: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "payees-job-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "rename" | "merge";
                        payeeId: string;
                        intoId: string | null;
                        /** @description The name the transactions get. */
                        name: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "done";
                        /** @description Transactions changed so far. */
                        changed: number;
                        createdAt: string;
                        completedAt: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "invoices-list": {
        parameters: {
            query?: {
                direction?: "received" | "issued";
                status?: "draft" | "issued" | "partially-paid" | "paid" | "overdue" | "void";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of invoices */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            direction: "received" | "issued";
                            /** @enum {string} */
                            status: "draft" | "issued" | "partially-paid" | "paid" | "overdue" | "void";
                            number: string;
                            payeeId: string | null;
                            payeeName: string | null;
                            issueDate: string;
                            dueDate: string;
                            currency: string;
                            lines: {
                                description: string;
                                /** @description Decimal string, e.g. "1.5". */
                                quantity: string;
                                /** @description Minor units of the invoice currency. */
                                unitPrice: number;
                                /** @description Percent as a decimal string, e.g. "21". */
                                taxRate: string;
                                /** @description quantity × unitPrice, rounded half-even to minor units. */
                                net: number;
                                /** @description net × taxRate / 100, rounded half-even to minor units. */
                                tax: number;
                                /** @description net + tax. */
                                gross: number;
                            }[];
                            notes: string | null;
                            /** @description Sum of the lines’ net. */
                            net: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description Sum of the lines’ tax. */
                            tax: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description net + tax. */
                            gross: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description What the linked movements pay, refunds subtracted. */
                            paid: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description gross − paid, at least 0; 0 when void. */
                            open: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            issuedAt: string | null;
                            voidedAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "invoices-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    direction: "received" | "issued";
                    payeeId?: string | null;
                    payeeName?: string | null;
                    number: string;
                    /** Format: date */
                    issueDate: string;
                    /** Format: date */
                    dueDate: string;
                    currency: string;
                    lines: {
                        description: string;
                        quantity: string;
                        unitPrice: number;
                        taxRate: string;
                    }[];
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description The new invoice */
            201: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        direction: "received" | "issued";
                        /** @enum {string} */
                        status: "draft" | "issued" | "partially-paid" | "paid" | "overdue" | "void";
                        number: string;
                        payeeId: string | null;
                        payeeName: string | null;
                        issueDate: string;
                        dueDate: string;
                        currency: string;
                        lines: {
                            description: string;
                            /** @description Decimal string, e.g. "1.5". */
                            quantity: string;
                            /** @description Minor units of the invoice currency. */
                            unitPrice: number;
                            /** @description Percent as a decimal string, e.g. "21". */
                            taxRate: string;
                            /** @description quantity × unitPrice, rounded half-even to minor units. */
                            net: number;
                            /** @description net × taxRate / 100, rounded half-even to minor units. */
                            tax: number;
                            /** @description net + tax. */
                            gross: number;
                        }[];
                        notes: string | null;
                        /** @description Sum of the lines’ net. */
                        net: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description Sum of the lines’ tax. */
                        tax: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description net + tax. */
                        gross: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description What the linked movements pay, refunds subtracted. */
                        paid: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description gross − paid, at least 0; 0 when void. */
                        open: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        issuedAt: string | null;
                        voidedAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "invoices-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        direction: "received" | "issued";
                        /** @enum {string} */
                        status: "draft" | "issued" | "partially-paid" | "paid" | "overdue" | "void";
                        number: string;
                        payeeId: string | null;
                        payeeName: string | null;
                        issueDate: string;
                        dueDate: string;
                        currency: string;
                        lines: {
                            description: string;
                            /** @description Decimal string, e.g. "1.5". */
                            quantity: string;
                            /** @description Minor units of the invoice currency. */
                            unitPrice: number;
                            /** @description Percent as a decimal string, e.g. "21". */
                            taxRate: string;
                            /** @description quantity × unitPrice, rounded half-even to minor units. */
                            net: number;
                            /** @description net × taxRate / 100, rounded half-even to minor units. */
                            tax: number;
                            /** @description net + tax. */
                            gross: number;
                        }[];
                        notes: string | null;
                        /** @description Sum of the lines’ net. */
                        net: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description Sum of the lines’ tax. */
                        tax: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description net + tax. */
                        gross: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description What the linked movements pay, refunds subtracted. */
                        paid: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description gross − paid, at least 0; 0 when void. */
                        open: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        issuedAt: string | null;
                        voidedAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        movements: {
                            transactionId: string;
                            kind: string | null;
                            date: string | null;
                            /** @description What it pays (negative: a refund), in the invoice currency. */
                            amount: {
                                /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                        }[];
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "invoices-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "invoices-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    payeeId?: string | null;
                    payeeName?: string | null;
                    number?: string;
                    /** Format: date */
                    issueDate?: string;
                    /** Format: date */
                    dueDate?: string;
                    currency?: string;
                    lines?: {
                        description: string;
                        quantity: string;
                        unitPrice: number;
                        taxRate: string;
                    }[];
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description The changed invoice */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        direction: "received" | "issued";
                        /** @enum {string} */
                        status: "draft" | "issued" | "partially-paid" | "paid" | "overdue" | "void";
                        number: string;
                        payeeId: string | null;
                        payeeName: string | null;
                        issueDate: string;
                        dueDate: string;
                        currency: string;
                        lines: {
                            description: string;
                            /** @description Decimal string, e.g. "1.5". */
                            quantity: string;
                            /** @description Minor units of the invoice currency. */
                            unitPrice: number;
                            /** @description Percent as a decimal string, e.g. "21". */
                            taxRate: string;
                            /** @description quantity × unitPrice, rounded half-even to minor units. */
                            net: number;
                            /** @description net × taxRate / 100, rounded half-even to minor units. */
                            tax: number;
                            /** @description net + tax. */
                            gross: number;
                        }[];
                        notes: string | null;
                        /** @description Sum of the lines’ net. */
                        net: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description Sum of the lines’ tax. */
                        tax: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description net + tax. */
                        gross: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description What the linked movements pay, refunds subtracted. */
                        paid: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description gross − paid, at least 0; 0 when void. */
                        open: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        issuedAt: string | null;
                        voidedAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "invoices-issue": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The issued invoice */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        direction: "received" | "issued";
                        /** @enum {string} */
                        status: "draft" | "issued" | "partially-paid" | "paid" | "overdue" | "void";
                        number: string;
                        payeeId: string | null;
                        payeeName: string | null;
                        issueDate: string;
                        dueDate: string;
                        currency: string;
                        lines: {
                            description: string;
                            /** @description Decimal string, e.g. "1.5". */
                            quantity: string;
                            /** @description Minor units of the invoice currency. */
                            unitPrice: number;
                            /** @description Percent as a decimal string, e.g. "21". */
                            taxRate: string;
                            /** @description quantity × unitPrice, rounded half-even to minor units. */
                            net: number;
                            /** @description net × taxRate / 100, rounded half-even to minor units. */
                            tax: number;
                            /** @description net + tax. */
                            gross: number;
                        }[];
                        notes: string | null;
                        /** @description Sum of the lines’ net. */
                        net: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description Sum of the lines’ tax. */
                        tax: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description net + tax. */
                        gross: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description What the linked movements pay, refunds subtracted. */
                        paid: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description gross − paid, at least 0; 0 when void. */
                        open: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        issuedAt: string | null;
                        voidedAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "invoices-void": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The void invoice */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        direction: "received" | "issued";
                        /** @enum {string} */
                        status: "draft" | "issued" | "partially-paid" | "paid" | "overdue" | "void";
                        number: string;
                        payeeId: string | null;
                        payeeName: string | null;
                        issueDate: string;
                        dueDate: string;
                        currency: string;
                        lines: {
                            description: string;
                            /** @description Decimal string, e.g. "1.5". */
                            quantity: string;
                            /** @description Minor units of the invoice currency. */
                            unitPrice: number;
                            /** @description Percent as a decimal string, e.g. "21". */
                            taxRate: string;
                            /** @description quantity × unitPrice, rounded half-even to minor units. */
                            net: number;
                            /** @description net × taxRate / 100, rounded half-even to minor units. */
                            tax: number;
                            /** @description net + tax. */
                            gross: number;
                        }[];
                        notes: string | null;
                        /** @description Sum of the lines’ net. */
                        net: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description Sum of the lines’ tax. */
                        tax: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description net + tax. */
                        gross: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description What the linked movements pay, refunds subtracted. */
                        paid: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        /** @description gross − paid, at least 0; 0 when void. */
                        open: {
                            /** @description Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three). */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        };
                        issuedAt: string | null;
                        voidedAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "payments-webhook": {
        parameters: {
            query?: never;
            header?: {
                /** @description Stripe's signature of the body: `t=<unix time>,v1=<HMAC-SHA256>`. */
                "Stripe-Signature"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Read as sent, byte for byte (its signature covers the bytes). */
        requestBody: {
            content: {
                "application/json; charset=utf-8": Record<string, never>;
            };
        };
        responses: {
            /** @description The event was applied, or was not about a Moneta payment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payments-not-enabled`: the deployment has no Stripe keys; also `payment-not-cancelable`, `payment-not-refundable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: this route takes 20 per second (bursts of 40) from all callers together; API Gateway answers `{"message":"Too Many Requests"}` itself. Retry after a pause. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `stripe-unavailable`: Stripe could not be reached, timed out or failed (after one retry); nothing was started. Retry with the same Idempotency-Key. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "invoice-payments-list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice's payments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            invoiceId: string;
                            accountId: string;
                            money: {
                                amount: number;
                                currency: string;
                            };
                            refunded: {
                                amount: number;
                                currency: string;
                            };
                            /** @enum {string} */
                            status: "open" | "processing" | "succeeded" | "failed" | "canceled" | "expired";
                            /** @description Stripe's hosted page to send to the payer, while open */
                            hostedUrl: string | null;
                            /** @description Stripe's receipt, once paid */
                            receiptUrl: string | null;
                            /** @description The income movement recorded, once paid */
                            transactionId: string | null;
                            failure: {
                                code: string | null;
                                message: string | null;
                            } | null;
                            stripe: {
                                checkoutSessionId: string | null;
                                paymentIntentId: string | null;
                            };
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "invoice-payments-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accountId: string;
                    paymentMethodId?: string;
                };
            };
        };
        responses: {
            /** @description The payment */
            201: {
                headers: {
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        invoiceId: string;
                        accountId: string;
                        money: {
                            amount: number;
                            currency: string;
                        };
                        refunded: {
                            amount: number;
                            currency: string;
                        };
                        /** @enum {string} */
                        status: "open" | "processing" | "succeeded" | "failed" | "canceled" | "expired";
                        /** @description Stripe's hosted page to send to the payer, while open */
                        hostedUrl: string | null;
                        /** @description Stripe's receipt, once paid */
                        receiptUrl: string | null;
                        /** @description The income movement recorded, once paid */
                        transactionId: string | null;
                        failure: {
                            code: string | null;
                            message: string | null;
                        } | null;
                        stripe: {
                            checkoutSessionId: string | null;
                            paymentIntentId: string | null;
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payments-not-enabled`: the deployment has no Stripe keys; also `payment-not-cancelable`, `payment-not-refundable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `stripe-unavailable`: Stripe could not be reached, timed out or failed (after one retry); nothing was started. Retry with the same Idempotency-Key. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "payments-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        invoiceId: string;
                        accountId: string;
                        money: {
                            amount: number;
                            currency: string;
                        };
                        refunded: {
                            amount: number;
                            currency: string;
                        };
                        /** @enum {string} */
                        status: "open" | "processing" | "succeeded" | "failed" | "canceled" | "expired";
                        /** @description Stripe's hosted page to send to the payer, while open */
                        hostedUrl: string | null;
                        /** @description Stripe's receipt, once paid */
                        receiptUrl: string | null;
                        /** @description The income movement recorded, once paid */
                        transactionId: string | null;
                        failure: {
                            code: string | null;
                            message: string | null;
                        } | null;
                        stripe: {
                            checkoutSessionId: string | null;
                            paymentIntentId: string | null;
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "payments-cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The canceled payment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        invoiceId: string;
                        accountId: string;
                        money: {
                            amount: number;
                            currency: string;
                        };
                        refunded: {
                            amount: number;
                            currency: string;
                        };
                        /** @enum {string} */
                        status: "open" | "processing" | "succeeded" | "failed" | "canceled" | "expired";
                        /** @description Stripe's hosted page to send to the payer, while open */
                        hostedUrl: string | null;
                        /** @description Stripe's receipt, once paid */
                        receiptUrl: string | null;
                        /** @description The income movement recorded, once paid */
                        transactionId: string | null;
                        failure: {
                            code: string | null;
                            message: string | null;
                        } | null;
                        stripe: {
                            checkoutSessionId: string | null;
                            paymentIntentId: string | null;
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payments-not-enabled`: the deployment has no Stripe keys; also `payment-not-cancelable`, `payment-not-refundable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `stripe-unavailable`: Stripe could not be reached, timed out or failed (after one retry); nothing was started. Retry with the same Idempotency-Key. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "payment-refunds-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount?: number;
                };
            };
        };
        responses: {
            /** @description The payment, refund applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        invoiceId: string;
                        accountId: string;
                        money: {
                            amount: number;
                            currency: string;
                        };
                        refunded: {
                            amount: number;
                            currency: string;
                        };
                        /** @enum {string} */
                        status: "open" | "processing" | "succeeded" | "failed" | "canceled" | "expired";
                        /** @description Stripe's hosted page to send to the payer, while open */
                        hostedUrl: string | null;
                        /** @description Stripe's receipt, once paid */
                        receiptUrl: string | null;
                        /** @description The income movement recorded, once paid */
                        transactionId: string | null;
                        failure: {
                            code: string | null;
                            message: string | null;
                        } | null;
                        stripe: {
                            checkoutSessionId: string | null;
                            paymentIntentId: string | null;
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payments-not-enabled`: the deployment has no Stripe keys; also `payment-not-cancelable`, `payment-not-refundable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `stripe-unavailable`: Stripe could not be reached, timed out or failed (after one retry); nothing was started. Retry with the same Idempotency-Key. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "health-get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Healthy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description `ok` when every dependency answered
                         * @enum {string}
                         */
                        status: "ok" | "unavailable";
                        /** @description The release deployed */
                        release: string;
                        checks: {
                            /**
                             * @description Whether it answered this function, with its permissions
                             * @enum {string}
                             */
                            table: "ok" | "unavailable";
                            /**
                             * @description Whether it answered this function, with its permissions
                             * @enum {string}
                             */
                            bus: "ok" | "unavailable";
                        };
                        /** @description When the dependencies were last checked (answers are reused for 5 s) */
                        checkedAt: string;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: this route takes 2 per second (bursts of 10) from all callers together; API Gateway answers `{"message":"Too Many Requests"}` itself. Retry after a pause. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency did not answer (the body says which) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks-list": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of webhooks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            url: string;
                            events: string[];
                            description: string | null;
                            enabled: boolean;
                            /** @description `failing`: disabled after repeated failed deliveries (the owner was emailed); `user`: paused. */
                            disabledReason: ("failing" | "user") | null;
                            disabledAt: string | null;
                            consecutiveFailures: number;
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    events: ("TransactionCreated" | "TransactionUpdated" | "TransactionDeleted" | "AccountCreated" | "AccountUpdated" | "AccountDeleted" | "CategoryCreated" | "CategoryUpdated" | "CategoryDeleted" | "BudgetCreated" | "BudgetUpdated" | "BudgetDeleted")[];
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description The webhook, with its secret */
            201: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        events: string[];
                        description: string | null;
                        enabled: boolean;
                        /** @description `failing`: disabled after repeated failed deliveries (the owner was emailed); `user`: paused. */
                        disabledReason: ("failing" | "user") | null;
                        disabledAt: string | null;
                        consecutiveFailures: number;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        /** @description The signing secret (`whsec_…`), shown this once: store it to verify deliveries. */
                        secret: string;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The URL is not an allowed target, or the user has 10 webhooks already */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        events: string[];
                        description: string | null;
                        enabled: boolean;
                        /** @description `failing`: disabled after repeated failed deliveries (the owner was emailed); `user`: paused. */
                        disabledReason: ("failing" | "user") | null;
                        disabledAt: string | null;
                        consecutiveFailures: number;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    events?: ("TransactionCreated" | "TransactionUpdated" | "TransactionDeleted" | "AccountCreated" | "AccountUpdated" | "AccountDeleted" | "CategoryCreated" | "CategoryUpdated" | "CategoryDeleted" | "BudgetCreated" | "BudgetUpdated" | "BudgetDeleted")[];
                    description?: string | null;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description The changed webhook */
            200: {
                headers: {
                    /** @description The version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        events: string[];
                        description: string | null;
                        enabled: boolean;
                        /** @description `failing`: disabled after repeated failed deliveries (the owner was emailed); `user`: paused. */
                        disabledReason: ("failing" | "user") | null;
                        disabledAt: string | null;
                        consecutiveFailures: number;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version that is no longer current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks-rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The new secret, shown once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The new signing secret, shown this once. */
                        secret: string;
                        /** @description Until then deliveries carry a signature by the previous secret too. */
                        previousSecretRetiresAt: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks-ping": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description What the receiver answered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivered: boolean;
                        statusCode: number | null;
                        error: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhook-deliveries-list": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Also the `webhook-id` header of every attempt. */
                            id: string;
                            webhookId: string;
                            eventType: string;
                            /** @enum {string} */
                            status: "pending" | "delivered" | "failed";
                            attempts: number;
                            lastResponseCode: number | null;
                            lastError: string | null;
                            createdAt: string;
                            lastAttemptAt: string | null;
                            deliveredAt: string | null;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhook-deliveries-redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The delivery after the attempt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Also the `webhook-id` header of every attempt. */
                        id: string;
                        webhookId: string;
                        eventType: string;
                        /** @enum {string} */
                        status: "pending" | "delivered" | "failed";
                        attempts: number;
                        lastResponseCode: number | null;
                        lastError: string | null;
                        createdAt: string;
                        lastAttemptAt: string | null;
                        deliveredAt: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "payee-payment-methods-list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payee's saved methods */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Stripe's PaymentMethod id: give it as `paymentMethodId` to charge it */
                            id: string;
                            payeeId: string;
                            /** @description Stripe's method type: card, sepa_debit … */
                            type: string;
                            brand: string | null;
                            last4: string | null;
                            expMonth: number | null;
                            expYear: number | null;
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "payee-payment-methods-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours; the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currency?: string;
                };
            };
        };
        responses: {
            /** @description The setup page */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payeeId: string;
                        /** @description Stripe's hosted setup page to send to the payer */
                        url: string;
                        expiresAt: string;
                        stripe: {
                            customerId: string;
                            checkoutSessionId: string;
                        };
                    };
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payments-not-enabled`: the deployment has no Stripe keys. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `stripe-unavailable`: Stripe could not be reached, timed out or failed (after one retry); nothing was started. Retry with the same Idempotency-Key. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "payee-payment-methods-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                methodId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another user’s resources) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payments-not-enabled`: the deployment has no Stripe keys. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `stripe-unavailable`: Stripe could not be reached, timed out or failed (after one retry); nothing was started. Retry with the same Idempotency-Key. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "openapi-get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Invalid request: `errors` names each field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; quote the correlationId */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
