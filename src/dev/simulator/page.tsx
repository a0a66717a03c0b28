/** The HTML shell. All behaviour lives in app.js (no inline script, so a strict CSP fits). */
export function SimulatorPage(props: { accountName: string }) {
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>LINE シミュレーター（{props.accountName}）</title>
        <link rel="stylesheet" href="app.css" />
        <script type="module" src="app.js"></script>
      </head>
      <body>
        <div class="layout">
          <aside class="residents" aria-labelledby="residents-title">
            <details id="residents-panel" open>
              <summary id="residents-title">住民を選ぶ・追加する</summary>
              <p class="hint">住民になりきって、LINE と同じようにボットと会話できます（ローカル環境専用）。</p>
              <form id="new-resident" class="new-resident">
                <label for="new-resident-name">新しい住民の表示名</label>
                <div class="field-row">
                  <input id="new-resident-name" name="displayName" maxlength={20} required autocomplete="off" placeholder="例：ねりま 花子" />
                  <button type="submit">友だち追加</button>
                </div>
              </form>
              <h2 class="list-title">住民の一覧</h2>
              <ul id="resident-list" class="resident-list" aria-label="住民の一覧">
                <li class="empty">まだ住民がいません。表示名を入れて「友だち追加」を押してください。</li>
              </ul>
            </details>
          </aside>
          <main class="chat" aria-labelledby="account-name">
            <header class="chat-header">
              <div class="titles">
                <h1 id="account-name">{props.accountName}</h1>
                <p id="current-resident" class="current-resident">住民を選んでください</p>
              </div>
              <button id="block-toggle" type="button" class="block-toggle" hidden>ブロックする</button>
            </header>
            <div id="timeline" class="timeline" role="log" aria-live="polite" aria-label="トーク"></div>
            <div id="notice" class="notice" role="status" hidden></div>
            <div id="quick-replies" class="quick-replies" role="group" aria-label="クイックリプライ" hidden></div>
            <form id="picker" class="picker" hidden>
              <label id="picker-label" for="picker-input">日時を選んでください</label>
              <div class="field-row">
                <input id="picker-input" type="date" required />
                <button type="submit">決定</button>
                <button id="picker-cancel" type="button" class="secondary">キャンセル</button>
              </div>
            </form>
            <form id="composer" class="composer">
              <label for="message-input" class="visually-hidden">メッセージ</label>
              <textarea id="message-input" rows={1} maxlength={5000} placeholder="メッセージを入力" disabled></textarea>
              <button id="send-button" type="submit" disabled>送信</button>
            </form>
            <p class="composer-hint">Enter で送信、Shift + Enter で改行</p>
          </main>
        </div>
      </body>
    </html>
  );
}

export async function renderPage(accountName: string): Promise<string> {
  return `<!doctype html>${await (<SimulatorPage accountName={accountName} />).toString()}`;
}
