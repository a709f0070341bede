export const id = 144;
export const ids = [144];
export const modules = {

/***/ 3752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LP: () => (/* binding */ resolveCredentialExpiry),
/* harmony export */   RC: () => (/* binding */ temporaryCredentialsMessage),
/* harmony export */   r4: () => (/* binding */ formatInstant),
/* harmony export */   rR: () => (/* binding */ effectiveExpiry)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4151);

/** The signing session's end: the input first, then the environment, then the provider's own word. */
function resolveCredentialExpiry(candidates) {
    if (candidates.input)
        return { at: candidates.input, source: 'credential-expiration' };
    if (candidates.environment)
        return { at: candidates.environment, source: 'AWS_CREDENTIAL_EXPIRATION' };
    if (candidates.provider)
        return { at: candidates.provider, source: 'provider' };
    return undefined;
}
function effectiveExpiry(options) {
    const requested = new Date(options.signedAt.getTime() + options.expiresInSeconds * 1000);
    if (options.kind === 'long-term')
        return { requested, effective: requested, cutShort: false };
    const sessionEnd = options.credentialExpiry?.at;
    if (!sessionEnd)
        return { requested, effective: undefined, cutShort: true };
    const cutShort = sessionEnd.getTime() < requested.getTime();
    return { requested, effective: cutShort ? sessionEnd : requested, cutShort };
}
/** ISO 8601 in UTC without milliseconds: 2026-11-29T10:00:00Z. */
function formatInstant(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
const FIX = "Sign with a dedicated IAM user's long-term keys instead: store them in SSM Parameter Store " +
    '(presign-access-key-id-parameter / presign-secret-access-key-parameter) or pass ' +
    'presign-access-key-id from vars and presign-secret-access-key from secrets.';
/** The words of the warning (or, with temporary-credentials: fail, the error) for session signing. */
function temporaryCredentialsMessage(options) {
    const { expiry, credentialExpiry, now } = options;
    const asked = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSeconds */ .Xo)(options.expiresInSeconds);
    const lines = [
        'The presigned URLs are signed with temporary credentials (an STS session: ASIA… key id or a session token), and a presigned URL stops working when the session that signed it ends (S3 answers ExpiredToken), whatever expires-in says.'
    ];
    if (credentialExpiry && expiry.effective) {
        const left = Math.max(0, (credentialExpiry.at.getTime() - now.getTime()) / 1000);
        lines.push(expiry.cutShort
            ? `These URLs stop working at ${formatInstant(expiry.effective)} (in ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSeconds */ .Xo)(left)}, from ${credentialExpiry.source}), not after the ${asked} asked for.`
            : `The session lasts until ${formatInstant(credentialExpiry.at)} (from ${credentialExpiry.source}), so these URLs last the ${asked} asked for, but only because the session outlives them.`);
    }
    else {
        lines.push(`Their end is unknown (no credential-expiration input, no AWS_CREDENTIAL_EXPIRATION, no expiry from the provider), so expires-at is empty: the URLs live at most as long as the session (1 hour by default for an OIDC role, 12 hours at most), not the ${asked} asked for. Pass configure-aws-credentials' aws-expiration output as credential-expiration to report the real time.`);
    }
    if (options.source === 'workflow') {
        lines.push("Every URL carries the session token, which GitHub masks, so the runner drops the image-urls output ('Skip output … since it may contain secret').");
    }
    lines.push(FIX);
    return lines.join(' ');
}


/***/ }),

/***/ 8144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveSigning: () => (/* binding */ resolveSigning)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1915);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8021);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8204);
/* harmony import */ var _expiry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3752);
/* harmony import */ var _input_values_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3278);
// Which credentials sign the URLs, and what that means for how long the URLs live.
// Runs alongside the first CloudWatch fetches; no upload starts before it has decided.





async function resolveSigning(inputs, deps) {
    const credentials = await signingCredentials(inputs, deps);
    const kind = (0,_credentials_js__WEBPACK_IMPORTED_MODULE_4__/* .classifySigning */ .w6)(credentials);
    const client = credentials.source === 'workflow'
        ? deps.workflowClient
        : deps.createS3Client(inputs.s3, {
            accessKeyId: credentials.accessKeyId,
            secretAccessKey: credentials.secretAccessKey
        });
    const signedAt = deps.now();
    const credentialExpiry = kind === 'temporary'
        ? (0,_expiry_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveCredentialExpiry */ .LP)({
            input: inputs.credentialExpiration,
            environment: inputs.environmentCredentialExpiration,
            provider: credentials.expiration
        })
        : undefined;
    const expiry = (0,_expiry_js__WEBPACK_IMPORTED_MODULE_2__/* .effectiveExpiry */ .rR)({
        signedAt,
        expiresInSeconds: inputs.expiresInSeconds,
        kind,
        credentialExpiry
    });
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Signing with ${(0,_credentials_js__WEBPACK_IMPORTED_MODULE_4__/* .describeSource */ .B6)(credentials.source)}: key id ${credentials.accessKeyId}, ${kind}${expiry.effective ? `; links work until ${(0,_expiry_js__WEBPACK_IMPORTED_MODULE_2__/* .formatInstant */ .r4)(expiry.effective)}` : ''}`);
    if (kind === 'temporary')
        judgeTemporary(inputs, credentials, expiry, credentialExpiry, signedAt);
    return { client, kind, signedAt, expiry };
}
async function signingCredentials(inputs, deps) {
    const signer = inputs.signer;
    switch (signer.kind) {
        case 'inputs':
            return { ...signer, source: 'inputs' };
        case 'ssm': {
            const keys = await deps.readSsmKeys(signer.accessKeyIdParameter, signer.secretAccessKeyParameter);
            checkSsmKeyId(signer.accessKeyIdParameter, keys.accessKeyId);
            return { ...keys, source: 'ssm' };
        }
        case 'workflow':
            return { ...(await workflowCredentials(deps.workflowClient)), source: 'workflow' };
    }
}
/** The default chain's credentials, as the SDK resolves them (env, OIDC web identity, profile…). */
async function workflowCredentials(client) {
    try {
        const identity = await client.config.credentials();
        if (identity.sessionToken)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(identity.sessionToken);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(identity.secretAccessKey);
        return identity;
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`No AWS credentials found for the workflow (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}). Run aws-actions/configure-aws-credentials before this action, or set AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.`, { cause: error });
    }
}
function checkSsmKeyId(parameter, accessKeyId) {
    try {
        (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .checkAccessKeyId */ .tG)('presign-access-key-id-parameter', accessKeyId);
    }
    catch (error) {
        // Same rule as for the input, but the value came from SSM: say where it was read.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The access key id read from SSM parameter '${parameter}' ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error).replace(/^Input '[^']+': /, '')}`);
    }
}
function judgeTemporary(inputs, credentials, expiry, credentialExpiry, now) {
    if (credentialExpiry && credentialExpiry.at.getTime() <= now.getTime()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The signing credentials expired at ${(0,_expiry_js__WEBPACK_IMPORTED_MODULE_2__/* .formatInstant */ .r4)(credentialExpiry.at)} (from ${credentialExpiry.source}): every URL would be dead on arrival. Refresh them, or sign with an IAM user's long-term keys.`);
    }
    const message = (0,_expiry_js__WEBPACK_IMPORTED_MODULE_2__/* .temporaryCredentialsMessage */ .RC)({
        expiry,
        expiresInSeconds: inputs.expiresInSeconds,
        credentialExpiry,
        source: credentials.source,
        now
    });
    if (inputs.temporaryCredentials === 'fail') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`temporary-credentials is 'fail'. ${message}`);
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message, { title: 'Presigned URLs will expire early' });
}


/***/ })

};
