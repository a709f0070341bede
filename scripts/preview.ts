// A static page that renders the Slack message the way Slack lays it out: text, images with
// their titles, the context line. Images come from the local PNG files, not the (expiring) URLs.

interface Block {
  type: string
  [field: string]: unknown
}

interface Message {
  text: string | undefined
  blocks: Block[]
}

export function renderPreview(messages: Message[], keys: string[], files: string[]): string {
  const fileForUrl = (url: string) => {
    const index = keys.findIndex(key => new URL(url).pathname.endsWith(`/${key}`))
    return index >= 0 ? files[index] : undefined
  }
  const body = messages
    .map(
      message =>
        `<div class="message">${message.blocks.map(b => renderBlock(b, fileForUrl)).join('\n')}</div>`
    )
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Slack preview: CloudWatch graphs</title>
<style>
body { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; background: #f8f8f8; margin: 2rem; }
.message { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 1rem 1.25rem; max-width: 720px; margin-bottom: 1rem; }
.author { font-weight: 700; margin-bottom: .25rem; } .author span { font-weight: 400; color: #616061; font-size: .8rem; margin-left: .5rem; }
.section { margin: .25rem 0 .75rem; white-space: pre-wrap; }
.header { font-size: 1.15rem; font-weight: 700; margin: 1rem 0 .5rem; }
.image { margin: .5rem 0 1rem; } .image .title { font-size: .85rem; color: #1d1c1d; margin-bottom: .25rem; }
.image img { max-width: 100%; border: 1px solid #e8e8e8; border-radius: 4px; }
.context { color: #616061; font-size: .8rem; } a { color: #1264a3; }
</style></head>
<body>
<p class="author">CloudWatch graphs <span>APP</span></p>
${body}
</body></html>
`
}

function renderBlock(block: Block, fileForUrl: (url: string) => string | undefined): string {
  switch (block.type) {
    case 'section':
      return `<div class="section">${mrkdwn(String((block.text as { text: string }).text))}</div>`
    case 'image': {
      const title = (block.title as { text: string } | undefined)?.text ?? ''
      const src = fileForUrl(String(block.image_url)) ?? ''
      return `<div class="image"><div class="title">${escape(title)}</div><img src="${escape(src)}" alt="${escape(String(block.alt_text))}"></div>`
    }
    case 'context':
      return `<div class="context">${(block.elements as { text: string }[]).map(e => mrkdwn(e.text)).join(' ')}</div>`
    case 'header':
      return `<div class="header">${escape(emoji((block.text as { text: string }).text))}</div>`
    case 'rich_text': {
      // The links a message falls back to when Slack cannot download an image.
      const links = JSON.stringify(block).matchAll(/"url":"([^"]*)","text":"([^"]*)"/g)
      return [...links]
        .map(
          ([, url = '', text = '']) =>
            `<div class="section"><a href="${escape(url)}">${escape(text)}</a></div>`
        )
        .join('')
    }
    default:
      return `<pre>${escape(JSON.stringify(block, null, 2))}</pre>`
  }
}

/** The few emoji the action writes, as Slack shows them. */
const EMOJI: Record<string, string> = {
  red_circle: '🔴',
  large_green_circle: '🟢',
  white_circle: '⚪',
  grey_question: '❔',
  warning: '⚠️'
}

function emoji(text: string): string {
  return text.replace(/:([a-z_]+):/g, (code, name: string) => EMOJI[name] ?? code)
}

/**
 * The few mrkdwn forms the action uses: *bold*, <url|text> links, <!date^…|fallback>, the escapes
 * &amp; &lt; &gt; (shown as the characters) and emoji.
 */
export function mrkdwn(text: string): string {
  return (
    escape(emoji(text))
      // A date shows as the message's own fallback text (`2025-03-04 09:00 UTC`), the one format the
      // message itself uses (Slack would show it in each reader's time zone).
      .replace(/&#60;!date\^\d+\^[^|]*\|([^&]*)&#62;/g, '$1')
      .replace(/&#60;([^|&]+)\|([^&]+)&#62;/g, '<a href="$1">$2</a>')
      .replace(/\*([^*]+)\*/g, '<b>$1</b>')
      .replace(/&#38;(amp|lt|gt);/g, '&$1;')
  )
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`)
}
