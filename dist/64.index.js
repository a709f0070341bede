export const id = 64;
export const ids = [64];
export const modules = {

/***/ 6064:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_BLOCKS_PER_MESSAGE: () => (/* binding */ MAX_BLOCKS_PER_MESSAGE),
/* harmony export */   MAX_IMAGE_URL_LENGTH: () => (/* binding */ MAX_IMAGE_URL_LENGTH),
/* harmony export */   buildHeader: () => (/* binding */ buildHeader),
/* harmony export */   buildMessages: () => (/* binding */ buildMessages),
/* harmony export */   buildThread: () => (/* binding */ buildThread),
/* harmony export */   defaultText: () => (/* binding */ defaultText),
/* harmony export */   expiryText: () => (/* binding */ expiryText),
/* harmony export */   graphBlock: () => (/* binding */ graphBlock),
/* harmony export */   imagesAsLinks: () => (/* binding */ imagesAsLinks)
/* harmony export */ });
const MAX_BLOCKS_PER_MESSAGE = 50;
/** Slack refuses an image block whose image_url is longer. */
const MAX_IMAGE_URL_LENGTH = 3000;
const MAX_ALT_TEXT = 2000;
const MAX_TITLE = 2000;
const MAX_SECTION_TEXT = 3000;
/** One or more messages; each repeats the text (marked as continued) and ends with the context line. */
function buildMessages(options) {
    const perMessage = MAX_BLOCKS_PER_MESSAGE - 2; // the section and the context line
    const chunks = [];
    for (let start = 0; start < options.graphs.length; start += perMessage) {
        chunks.push(options.graphs.slice(start, start + perMessage));
    }
    const context = contextBlock(options.expiry, options.runUrl, options.missing ?? []);
    return chunks.map((chunk, index) => {
        const text = chunks.length === 1 ? options.text : `${options.text} (${index + 1}/${chunks.length})`;
        return {
            text,
            blocks: [sectionBlock(text), ...chunk.map(graphBlock), context]
        };
    });
}
/** slack-thread: images: a header message, then each graph as a reply in its thread. */
function buildThread(options) {
    return {
        header: buildHeader(options),
        replies: options.graphs.map(graph => ({ text: graph.name, blocks: [graphBlock(graph)] }))
    };
}
/** The text and the context line alone: the parent of a thread, or the words above uploaded files. */
function buildHeader(options) {
    return {
        text: options.text,
        blocks: [
            sectionBlock(options.text),
            contextBlock(options.expiry, options.runUrl, options.missing ?? [])
        ]
    };
}
function sectionBlock(text) {
    return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, MAX_SECTION_TEXT) } };
}
/** An image block, or a link when the URL is over Slack's image_url limit (long session tokens). */
function graphBlock(graph) {
    if (graph.url.length > MAX_IMAGE_URL_LENGTH)
        return linkBlock(graph.name, graph.url);
    return {
        type: 'image',
        image_url: graph.url,
        alt_text: truncate(graph.name, MAX_ALT_TEXT),
        title: { type: 'plain_text', text: truncate(graph.name, MAX_TITLE), emoji: true }
    };
}
/** A link that Slack need not download: for URLs it cannot take as images. */
function linkBlock(name, url) {
    return {
        type: 'rich_text',
        elements: [
            {
                type: 'rich_text_section',
                elements: [{ type: 'link', url, text: truncate(name, MAX_TITLE) }]
            }
        ]
    };
}
/**
 * The same message with every image as a link. Slack rejects a whole message when it cannot
 * download one image (invalid_blocks), even a valid one; links still reach the channel.
 */
function imagesAsLinks(message) {
    return {
        text: message.text,
        blocks: message.blocks.map(block => block.type === 'image' ? linkBlock(String(block.alt_text), String(block.image_url)) : block)
    };
}
function contextBlock(expiry, runUrl, missing) {
    const parts = [expiryText(expiry)];
    if (missing.length > 0) {
        const names = escapeMrkdwn(truncate(missing.join(', '), 500));
        parts.push(`${missing.length} graph${missing.length === 1 ? '' : 's'} failed: ${names}`);
    }
    if (runUrl)
        parts.push(`<${runUrl}|Workflow run>`);
    return {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: truncate(parts.join(' · '), MAX_SECTION_TEXT) }]
    };
}
/** Slack's date formatting shows each reader their local time; the fallback is UTC. */
function expiryText(expiry) {
    if (expiry === 'slack')
        return 'Images hosted by Slack.';
    if (!expiry.effective) {
        return 'Images last only as long as the signing session (temporary credentials, often 1 hour).';
    }
    const seconds = Math.floor(expiry.effective.getTime() / 1000);
    const fallback = expiry.effective.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    return `Images available until <!date^${seconds}^{date_short_pretty} at {time}|${fallback}>`;
}
/** The default text: names the day, so a channel full of reports stays readable. */
function defaultText(now) {
    return `CloudWatch graphs for ${now.toISOString().slice(0, 10)}`;
}
/** Slack's mrkdwn reads <, > and & as markup. */
function escapeMrkdwn(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function truncate(text, length) {
    return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}


/***/ })

};
