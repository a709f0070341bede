export const id = 804;
export const ids = [804];
export const modules = {

/***/ 8681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ clientSettings)
/* harmony export */ });
/* unused harmony export USER_AGENT */
// Client settings shared by every AWS client: who we are, how hard to retry, how long to wait.
// Endpoints are left to the SDK, so AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> keep working.
const USER_AGENT = ['cloudwatch-graphs-to-slack', '1'];
/**
 * Bounded retries with backoff for throttling, 5xx and broken connections (the SDK's standard
 * mode); adaptive mode also slows down once the service throttles, and not before. Every request
 * has a deadline: a connection that hangs is retried, not waited on forever.
 */
function clientSettings(region, retryMode = 'standard') {
    return {
        region,
        customUserAgent: [USER_AGENT],
        maxAttempts: 5,
        retryMode,
        requestHandler: { connectionTimeout: 5000, requestTimeout: 30000 }
    };
}


/***/ }),

/***/ 1362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ awsErrorCode),
/* harmony export */   x: () => (/* binding */ awsErrorText)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8204);
// What an AWS SDK error says, read one way for every service.

/**
 * The error's wire code, or '' when it has none. CloudWatch is "query compatible": the SDK may name
 * the error class after its model (DashboardInvalidInputError) and keep the wire code in `Code`.
 */
function awsErrorCode(error) {
    if (typeof error !== 'object' || error === null)
        return '';
    const { Code, name } = error;
    if (typeof Code === 'string' && Code)
        return Code;
    return typeof name === 'string' ? name : '';
}
/** `Code: message`, as the service said it. */
function awsErrorText(error) {
    if (error instanceof Error) {
        const code = awsErrorCode(error);
        return code && code !== 'Error' ? `${code}: ${error.message}` : error.message;
    }
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error);
}


/***/ }),

/***/ 3804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createSsmClient: () => (/* binding */ createSsmClient),
/* harmony export */   readSigningKeys: () => (/* binding */ readSigningKeys)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1915);
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2024);
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7278);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8204);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8681);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1362);





function createSsmClient(region) {
    return new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_3__/* .SSMClient */ .j((0,_clients_js__WEBPACK_IMPORTED_MODULE_4__/* .clientSettings */ .r)(region));
}
/** Reads the signer's two parameters in one call (decrypted); masks the secret the moment it arrives. */
async function readSigningKeys(client, accessKeyIdParameter, secretAccessKeyParameter) {
    const names = [accessKeyIdParameter, secretAccessKeyParameter];
    let response;
    try {
        response = await client.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_5__/* .GetParametersCommand */ .A({ Names: names, WithDecryption: true }));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Reading the signing keys from SSM (${names.join(', ')}) failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorText */ .x)(error)}. ${ssmHint(error)}`, { cause: error });
    }
    const byName = new Map();
    for (const parameter of response.Parameters ?? []) {
        // GetParameters answers with the name as asked, or the bare name when asked by ARN.
        if (parameter.Name !== undefined && parameter.Value !== undefined) {
            byName.set(parameter.Name, parameter.Value);
            if (parameter.ARN)
                byName.set(parameter.ARN, parameter.Value);
        }
    }
    const secretAccessKey = byName.get(secretAccessKeyParameter)?.trim();
    if (secretAccessKey)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secretAccessKey);
    const missing = names.filter(name => !byName.get(name)?.trim());
    if (missing.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`SSM has no value for ${missing.map(name => `'${name}'`).join(' and ')} in this account and region. Create ${missing.length > 1 ? 'them' : 'it'} (aws ssm put-parameter: the key id as String, the secret as SecureString) or fix the presign-*-parameter input.`);
    }
    return {
        accessKeyId: byName.get(accessKeyIdParameter)?.trim() ?? '',
        secretAccessKey: secretAccessKey ?? ''
    };
}
function ssmHint(error) {
    const name = error instanceof Error ? error.name : '';
    const message = error instanceof Error ? error.message : '';
    // A KMS refusal arrives as SSM's AccessDeniedException too; its message names KMS.
    if (/kms/i.test(name) || /KMS|master key|ciphertext/i.test(message)) {
        return "The workflow's role needs kms:Decrypt on the parameters' customer-managed KMS key (the default aws/ssm key needs no grant).";
    }
    if (name === 'AccessDeniedException') {
        return "The workflow's role needs ssm:GetParameters on both parameters.";
    }
    return '';
}


/***/ })

};
