export const id = 538;
export const ids = [538];
export const modules = {

/***/ 5538:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkUrl: () => (/* binding */ checkUrl),
/* harmony export */   hintFor: () => (/* binding */ hintFor)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// Fetches each presigned URL the way Slack will, so a wrong secret, region or permission fails here
// with its cause and fix, not later as Slack's vague invalid_blocks.

const TIMEOUT_MS = 15000;
/**
 * undefined when the URL serves an image; otherwise what S3 said and what to change. Never the
 * URL itself: it is a bearer link.
 */
async function checkUrl(url) {
    let response;
    try {
        response = await fetch(url, {
            headers: { Range: 'bytes=0-0' },
            signal: AbortSignal.timeout(TIMEOUT_MS)
        });
    }
    catch (error) {
        return `the request failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)})`;
    }
    const body = await response.text().catch(() => '');
    if (response.status === 200 || response.status === 206) {
        const type = response.headers.get('content-type') ?? '';
        return type.startsWith('image/') ? undefined : `S3 serves it as '${type}', not as an image`;
    }
    const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? `HTTP ${response.status}`;
    const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? '';
    return `${code}${message ? ` (${message})` : ''}. ${hintFor(code)}`.trimEnd();
}
/** What each S3 answer means for a presigned GET, and what to change. */
function hintFor(code) {
    switch (code) {
        case 'SignatureDoesNotMatch':
            return 'The signing secret does not belong to the access key id: check presign-secret-access-key (or the SSM parameter it comes from).';
        case 'InvalidAccessKeyId':
            return 'S3 does not know the signing access key id: check presign-access-key-id (or its SSM parameter), and that the key is active.';
        case 'AccessDenied':
            return 'The signer may not read the object: grant it s3:GetObject on the key prefix (and kms:Decrypt on an SSE-KMS bucket).';
        case 'ExpiredToken':
        case 'TokenRefreshRequired':
            return 'The temporary credentials that signed the URL have expired: sign with an IAM user’s long-term keys.';
        case 'AuthorizationHeaderMalformed':
        case 'AuthorizationQueryParametersError':
        case 'PermanentRedirect':
        case 'IllegalLocationConstraintException':
            return "The URL was signed for another region than the bucket's: set s3-region to the bucket's region.";
        case 'NoSuchBucket':
        case 'NoSuchKey':
            return 'The object is not there: check s3-bucket and s3-region.';
        default:
            return '';
    }
}


/***/ })

};
