import type { enWeb } from './en-web.js';

/** 日本語のメッセージ (web)。en-web.ts と同じキーをすべて持つこと。 */
export const jaWeb: Record<keyof typeof enWeb, string> = {
  // --- serve コマンド --------------------------------------------------------------------------
  'web.help': `使い方: dsreg-doctor serve [--port N] [--open] [--lang ja|en]

ローカルの Web アプリを起動します。\`dsregcmd /status\` の出力を貼り付けるかファイルをドロップすると、
診断結果、この端末がたどる判断フロー、チェックリスト形式の対処手順が表示されます。「対処後」モードで
手順の結果も確認できます。127.0.0.1 だけで待ち受けるため、この PC 以外からは接続できず、
データがほかの場所に送信されることはありません。

オプション:
  --port N      待ち受けるポート (既定: 7003、0 を指定すると空いているポートを使います)
  --open        既定のブラウザーでページを開きます
  --lang ja|en  ここに表示するメッセージの言語 (ページはブラウザーの言語に従います)

終了するには Ctrl+C を押します。`,
  'web.listening': 'dsreg-doctor Web アプリ: {url}  (127.0.0.1 のみ: ほかの PC からは接続できません。終了は Ctrl+C)',
  'web.openFailed': 'ブラウザーを開けませんでした ({reason})。{url} を手動で開いてください。',
  'web.error.portInUse':
    '127.0.0.1 のポート {port} は既に使用されています (dsreg-doctor serve が既に起動している可能性があります)。--port N で別のポートを指定してください。',
  'web.error.listen': '127.0.0.1:{port} で待ち受けできません: {reason}',
  'web.error.badPort': '"{value}" はポート番号ではありません。0 から 65535 までの整数を指定してください。',
  'web.error.noAssets': 'Web アプリのファイルが {dir} に見つかりません。パッケージが不完全です。dsreg-doctor を再インストールしてください。',

  // --- API エラー ------------------------------------------------------------------------------
  'web.api.hostRefused':
    '拒否しました: このサーバーは 127.0.0.1:{port} または localhost:{port} 宛ての要求にだけ応答します (この要求の宛先は "{host}" でした)。http://127.0.0.1:{port}/ を直接開いてください。',
  'web.api.originRefused': '拒否しました: 別のサイト ({origin}) からの要求です。この API は dsreg-doctor のページからのみ使用できます。',
  'web.api.tooLarge':
    '入力が {limit} MB を超えています。dsregcmd /status の出力は数 KB、収集バンドルでも数百 KB 程度です。ファイルが正しいか確認してください。',
  'web.api.empty': '{file}: 入力が空です。dsregcmd /status の出力を貼り付けるか、保存したファイルをドロップしてください。',
  'web.api.binary': '{file}: バイナリ ファイル (PDF、ZIP、画像など) のようです。dsregcmd /status の出力のテキストを渡してください。',
  'web.api.notDsregcmd':
    '{file}: dsregcmd /status の出力ではありません (セクションの枠も既知の項目も見つかりません)。対象の PC のコマンド プロンプトで `dsregcmd /status` を実行し、出力全体を貼り付けてください。',
  'web.api.badQuery': 'パラメーター {name} の値 "{value}" は使えません。{expected} を指定してください。',
  'web.api.errorTooLong': 'エラーの文面が {length} 文字あります。{limit} 文字以内で貼り付けてください (コードを含む部分だけで十分です)。',
  'web.api.badForm': '要求は "before" と "after" のフィールドを持つ multipart/form-data でなければなりません ({reason})。',
  'web.api.missingPart': '"{part}" の出力がありません。貼り付けるかファイルをドロップしてください。',
  'web.api.notFound': '見つかりません: {path}',
  'web.api.methodNotAllowed': '{path} では {method} は使えません。{allowed} を使用してください。',
  'web.api.internal': '内部エラー: {message}。dsreg-doctor の不具合です。入力を添えて報告してください (入力は先にマスクしてください)。',

  // --- ページ: ヘッダー ------------------------------------------------------------------------
  'web.subtitle': 'dsregcmd /status から Microsoft Entra のデバイス登録を診断します',
  'web.privacy': 'この PC の中だけで動作します。貼り付けたりドロップしたりしたデータが外部に送信されることはありません。',
  'web.lang.label': '言語',
  'web.theme.label': 'テーマ',
  'web.theme.auto': 'システム設定',
  'web.theme.light': 'ライト',
  'web.theme.dark': 'ダーク',
  'web.skip': '診断結果へ移動',

  // --- ページ: 入力 ----------------------------------------------------------------------------
  'web.input.heading': '1. dsregcmd /status の出力',
  'web.input.label': 'dsregcmd /status の出力 (ここに貼り付けるか、保存したファイルをこの欄にドロップします)',
  'web.input.placeholder':
    '対象の PC で、対象のユーザーとしてコマンド プロンプトを開き (「管理者として実行」は使いません)、dsregcmd /status を実行して出力全体をここに貼り付けてください。保存したファイルをドロップすることもできます (Windows が書き出すどの文字コードでも読み取れます)。',
  'web.input.file': 'ファイルを開く…',
  'web.input.example': 'またはサンプルを試す',
  'web.input.exampleNone': '(サンプルを選択)',
  'web.input.errorLabel': 'ユーザーが見たエラー コードまたはエラーの文面 (省略可)',
  'web.input.errorPlaceholder': '例: 700003、AADSTS700003、またはエラー画面の文面',
  'web.input.mdm': 'この端末は Intune などの MDM に登録されています',
  'web.input.diagnose': '診断する',
  'web.input.clear': 'クリア',
  'web.input.shortcut': 'Ctrl+Enter でも診断できます。',
  'web.input.loaded': '{name} を読み取りました: 文字コード {encoding}、{lines} 行。',
  'web.input.dropHere': 'ファイルをドロップすると読み取ります',
  'web.pastedName': '貼り付けたテキスト',
  'web.busy': '診断しています…',
  'web.error.heading': 'この入力は診断できません',
  'web.error.network': 'ローカルの dsreg-doctor サーバーから応答がありません ({reason})。`dsreg-doctor serve` が実行中か確認してください。',
  'web.error.fileRead': 'ファイル {name} を読み取れませんでした: {reason}',
  'web.error.tooLarge': 'ファイル {name} は {size} MB あり、上限の {limit} MB を超えています。ファイルが正しいか確認してください。',

  // --- ページ: 診断結果 ------------------------------------------------------------------------
  'web.results.heading': '2. 診断結果',
  'web.results.empty': '出力を貼り付けるか、ファイルをドロップするか、サンプルを選ぶと、ここに診断結果が表示されます。',
  'web.results.problems': '対応が必要な問題が {count} 件あります。',
  'web.results.ok': 'この出力には対応が必要な問題は見つかりませんでした。',
  'web.summary.heading': '概要',
  'web.summary.mask': 'デバイスとテナントをマスク',
  'web.summary.unmask': 'デバイスとテナントを表示',
  'web.summary.maskedNote': 'このページではデバイスとテナントの名前と ID をマスクしています (出力の表示も含みます)。',
  'web.summary.tenantId': 'テナント ID',
  'web.summary.input': '入力',
  'web.findings.heading': '検出された問題',
  'web.findings.evidence': '根拠を表示 ({lines} 行目)',
  'web.findings.noEvidence': '出力のどの行にも表れていません。出力にない項目、または入力されたエラーから判断しています。',
  'web.source.heading': '読み取った出力',
  'web.source.meta': '{name}: {lines} 行、文字コード {encoding}。根拠の行を強調表示しています。',
  'web.source.label': '行番号付きの出力',
  'web.flow.heading': '判断フロー (700003 の記事より)',
  'web.flow.label': '700003 の記事の判断フロー。この端末がたどる経路を強調表示しています',
  'web.flow.caption': '強調表示: この端末がたどる経路。灰色: ほかの分岐。強調表示された枠を選ぶと、その手順に移動します。',
  'web.flow.captionNone': 'この出力では、端末はこのフローに該当しません (削除または無効化されたデバイス オブジェクトはありません)。参考として表示しています。',
  'web.flow.start700003': 'エラー 700003: デバイス オブジェクトが見つからない',
  'web.flow.start135011': 'エラー 135011: デバイス オブジェクトが無効',
  'web.flow.status': 'dsregcmd /status で状態を確認',
  'web.flow.condRegistered': 'WorkplaceJoined: YES (Entra 登録済み)',
  'web.flow.condJoined': 'AzureAdJoined のみ YES (Entra 参加済み)',
  'web.flow.condHybrid': 'DomainJoined と AzureAdJoined が YES (ハイブリッド参加済み)',
  'web.flow.condAllNo': 'AzureAdJoined と WorkplaceJoined がどちらも NO',
  'web.flow.condOther': '状態が表示されていない、またはオンプレミス DRS',
  'web.flow.actDisconnect': '職場または学校にアクセス: 切断してから「+ 接続」',
  'web.flow.actForcerecovery': '管理者として dsregcmd /forcerecovery、サインイン',
  'web.flow.actLeave': '管理者として dsregcmd /leave、再起動してサインイン',
  'web.flow.actCollect': '出力全体を取得',
  'web.flow.actEnable': 'デバイス オブジェクトを有効化 (テナント管理者)',
  'web.flow.actRefresh': 'ロックとロック解除、または再サインイン: 新しい PRT',
  'web.flow.stillFailing': '解消しない場合: AzureAdJoined と WorkplaceJoined が NO になるまで登録をすべて解除',
  'web.flow.registry': 'AAD\\Storage のキー https://login.microsoftonline.com を削除し、再登録',
  'web.flow.support': 'それでも解消しない場合: サポートに問い合わせ',
  'web.flow.dual': '二重状態: 続けて',
  'web.flow.jump': '手順に移動: {title}',
  'web.plan.heading': '対処手順',
  'web.plan.stepLabel': '手順 {n}',
  'web.plan.done': '完了',
  'web.plan.doneLabel': '手順 {n} を完了にする: {title}',
  'web.plan.copy': 'コピー',
  'web.plan.copyLabel': 'コマンドをコピー: {command}',
  'web.plan.copied': 'コピーしました',
  'web.plan.copyFailed': 'コピーできませんでした。コマンドを選択して手動でコピーしてください。',
  'web.plan.needs': '必要な権限: {who}',
  'web.plan.progress': '{total} 手順中 {done} 手順が完了',
  'web.downloads.heading': 'ダウンロード',
  'web.downloads.markdown': 'チケット用の概要 (Markdown)',
  'web.downloads.json': '診断結果 (JSON)',
  'web.downloads.script': '対処スクリプト (PowerShell。-Apply を付けて実行しない限り、確認のみのドライ ランです)',
  'web.downloads.redacted': 'マスク済みの出力 (ID と名前をマスクした共有用の出力)',
  'web.downloads.collect': '収集スクリプト (PowerShell)',
  'web.input.collectHint': 'まだ出力がない場合: 収集スクリプトを対象の PC で実行すると、必要な情報を集められます (読み取りのみ):',
  'web.downloads.failed': 'ダウンロード用のファイルを作成できませんでした: {message}',
  'web.warnings.heading': '入力についての注意',

  // --- ページ: 対処後モード --------------------------------------------------------------------
  'web.after.heading': '3. 「対処後」モード: 手順で解消したか確認',
  'web.after.intro':
    '手順を実施したら、PC でもう一度 (対象のユーザーとして) dsregcmd /status を実行し、新しい出力をここに貼り付けるかファイルをドロップしてください。上で診断した出力を「対処前」として比べます。',
  'web.after.label': '手順の実施後に取得した出力',
  'web.after.placeholder': '新しい dsregcmd /status の出力をここに貼り付けるか、ファイルをドロップしてください。',
  'web.after.errorLabel': '手順の実施後に表示されたエラー (省略可)',
  'web.after.compare': '比較する',
  'web.after.needBefore': '先に上の欄で「対処前」の出力を診断してください。',
  'web.after.verdict': '判定',
  'web.after.none': 'これ以上の対処は必要ありません。',

  // --- サンプル --------------------------------------------------------------------------------
  'web.example.s01': 'Entra 参加済みの PC、デバイスが削除済み (700003)',
  'web.example.s02': 'ハイブリッド参加済みの PC、デバイスが削除済み (700003)',
  'web.example.s05': 'Entra 参加済みの PC、デバイスが無効 (135011)',
  'web.example.s06': 'dsregcmd /leave の後: どこにも参加していない状態',
  'web.example.s07': '正常な Entra 参加済みの PC',
  'web.example.s10': 'コンピューターの同期待ちでハイブリッド参加が未完了 (0x801c03f2)',
};
