export const id = 378;
export const ids = [378];
export const modules = {

/***/ 2378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dashboardGraphs: () => (/* binding */ dashboardGraphs)
/* harmony export */ });
/* unused harmony exports PIXELS_PER_COLUMN, PIXELS_PER_ROW */
// A CloudWatch dashboard's metric widgets as graphs, in the order a reader sees them: top to
// bottom, then left to right. The image size follows the widget's grid size (24 columns wide), so a
// full-width widget gives a wider image than a half-width one.
/** Pixels per grid unit: a full-width widget (24 columns) is 1200 px wide, a 6-row one 300 px tall. */
const PIXELS_PER_COLUMN = 50;
const PIXELS_PER_ROW = 50;
const MIN_WIDTH = 300;
const MIN_HEIGHT = 200;
const MAX_PIXELS = 2000;
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Throws a plain Error with a readable reason when the body is not a dashboard. */
function dashboardGraphs(dashboard, body) {
    const parsed = JSON.parse(body);
    if (!isObject(parsed) || !Array.isArray(parsed.widgets)) {
        throw new Error(`dashboard '${dashboard}' has no widgets list`);
    }
    const widgets = parsed.widgets.filter(isObject);
    const ordered = widgets
        .map((widget, index) => ({ widget, index }))
        .sort((a, b) => rank(a.widget, 'y') - rank(b.widget, 'y') ||
        rank(a.widget, 'x') - rank(b.widget, 'x') ||
        a.index - b.index);
    const graphs = [];
    const skipped = [];
    for (const { widget } of ordered) {
        const properties = isObject(widget.properties) ? widget.properties : {};
        const title = typeof properties.title === 'string' ? properties.title.trim() : '';
        const type = typeof widget.type === 'string' ? widget.type : 'unknown';
        if (type !== 'metric') {
            skipped.push({ type, title: title || firstLine(properties.markdown) || '(untitled)' });
            continue;
        }
        graphs.push({
            name: title || `${dashboard} ${graphs.length + 1}`,
            metricWidget: JSON.stringify(renderable(properties, widget, parsed))
        });
    }
    return { graphs, skipped };
}
/** Widgets without a position come last, in the order written. */
function rank(widget, axis) {
    const value = widget[axis];
    return typeof value === 'number' ? value : Number.MAX_SAFE_INTEGER;
}
/**
 * The widget's own properties, plus what the dashboard gives it: a pixel size from its grid size
 * and the dashboard's time range, each only where the widget does not say so itself.
 */
function renderable(properties, widget, body) {
    const columns = typeof widget.width === 'number' ? widget.width : 6;
    const rows = typeof widget.height === 'number' ? widget.height : 6;
    const sized = {
        width: clamp(Math.round(columns * PIXELS_PER_COLUMN), MIN_WIDTH),
        height: clamp(Math.round(rows * PIXELS_PER_ROW), MIN_HEIGHT)
    };
    const range = {};
    for (const key of ['start', 'end']) {
        if (typeof body[key] === 'string')
            range[key] = body[key];
    }
    return { ...range, ...sized, ...properties };
}
function clamp(pixels, min) {
    return Math.min(MAX_PIXELS, Math.max(min, pixels));
}
function firstLine(value) {
    return typeof value === 'string' ? (value.split('\n')[0] ?? '').replace(/^#+\s*/, '').trim() : '';
}


/***/ })

};
