export const id = 443;
export const ids = [443];
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

/***/ 5443:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createS3Client: () => (/* binding */ createS3Client),
/* harmony export */   presignGetUrl: () => (/* binding */ presignGetUrl),
/* harmony export */   uploadPng: () => (/* binding */ uploadPng)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6221);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4925);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(550);
/* harmony import */ var _aws_sdk_s3_request_presigner__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4038);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8204);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8681);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1362);





/** With no credentials, the SDK's default chain (the workflow's credentials) is used. */
function createS3Client(location, credentials) {
    return new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__/* .S3Client */ .Y({
        ...(0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .clientSettings */ .r)(location.region),
        forcePathStyle: location.forcePathStyle,
        // Checksums only where S3 requires them: the default adds a CRC32 trailer to uploads and
        // x-amz-checksum-mode to presigned URLs, which many S3-compatible stores do not understand.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        ...(credentials ? { credentials } : {})
    });
}
async function uploadPng(client, bucket, key, body) {
    try {
        // A buffer, not a stream: the length is known, so no aws-chunked framing is needed.
        await client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .PutObjectCommand */ .w({ Bucket: bucket, Key: key, Body: body, ContentType: 'image/png' }));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Upload to s3://${bucket}/${key} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorText */ .x)(error)}. ${uploadHint(error)}`, { cause: error });
    }
}
/** What an upload failure means for the workflow's setup. */
function uploadHint(error) {
    switch ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorCode */ .J)(error)) {
        case 'AuthorizationHeaderMalformed':
        case 'PermanentRedirect':
        case 'IllegalLocationConstraintException':
            return "The bucket is in another region: set s3-region to the bucket's region.";
        case 'NoSuchBucket':
            return 'Check s3-bucket (and s3-region).';
        case 'ExpiredToken':
            return "The workflow's session has expired: configure-aws-credentials' role-duration-seconds may be too short.";
        default:
            return "The workflow's credentials need s3:PutObject on the key prefix.";
    }
}
/** A GET URL signed locally (no network) with the client's credentials. */
async function presignGetUrl(client, bucket, key, expiresInSeconds, signingDate) {
    return (0,_aws_sdk_s3_request_presigner__WEBPACK_IMPORTED_MODULE_5__/* .getSignedUrl */ .A)(client, new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__/* .GetObjectCommand */ .j({ Bucket: bucket, Key: key }), {
        expiresIn: expiresInSeconds,
        signingDate
    });
}


/***/ })

};
