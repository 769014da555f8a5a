import type { MessageKey } from './en.js';

/** 日本語: 診断結果、対処手順、レポートの見出し。 */
export const jaReport = {
  // --- findings --------------------------------------------------------------------------------
  'finding.device-object-missing.title': 'デバイス オブジェクトがテナントに存在しません (700003)',
  'finding.device-object-missing.explanation':
    'この PC は、Entra ID にプライマリ更新トークン (PRT) を要求するとき、または保持している PRT を使用するときに、デバイス ID {deviceId} を提示します。しかし、テナント {tenant} にはこの ID のデバイス オブジェクトがありません。管理者による削除、古いデバイスのクリーンアップ、または同期対象範囲の変更によって削除されています。PC 上の登録を削除し、参加状態に合った方法で登録し直すまで、古いデバイス ID を提示する PRT の要求とシングル サインオンはすべて 700003 で失敗します。',
  'finding.device-object-missing.ambiguous':
    'Entra ID がこのデバイスを拒否しました。DeviceAuthStatus (または AADSTS50155) はデバイス オブジェクトが無効化または削除されていることを示していますが、どちらなのかは出力から判断できません。まず Microsoft Entra 管理センターでデバイス ID を検索してください。存在していて無効になっている場合は有効にし、存在しない場合は以下の手順で登録を作り直してください。',
  'finding.device-object-disabled.title': 'デバイス オブジェクトがテナントで無効になっています (135011)',
  'finding.device-object-disabled.explanation':
    'デバイス オブジェクト {deviceId} は存在しますが無効になっているため、Entra ID はこのデバイスの PRT を拒否し、デバイス ベースの条件付きアクセスが失敗します。オブジェクトを有効に戻せば解消します。デバイスの登録解除と再登録は不要です。行うと、オブジェクトの履歴、BitLocker キー、グループ メンバーシップが失われます。',
  'finding.device-object-disabled.hybrid':
    'デバイス オブジェクト {deviceId} は存在しますが無効になっています。Microsoft Entra ハイブリッド参加済みのデバイスでは、オンプレミスが原因であることがよくあります。Active Directory でコンピューター アカウントが無効化され、Entra Connect がそれを Entra ID に反映しています。無効化された側で有効にしてください。デバイスは再登録しないでください。',
  'finding.device-auth-check-failed.title': 'DeviceAuthStatus でデバイスを確認できませんでした',
  'finding.device-auth-check-failed.explanation':
    'DeviceAuthStatus が "{value}" です。Entra ID に対するデバイスのオンライン チェックが成功しませんでしたが、原因はオブジェクトの削除や無効化ではありません。このチェックは SYSTEM として実行され、Entra ID へのネットワーク接続が必要です。ユーザーでしか使えないプロキシや、ネットワークに接続されていないことが原因で失敗します。',
  'finding.hybrid-join-incomplete.title': 'ドメイン参加済みのこのデバイスでハイブリッド参加が完了していません',
  'finding.hybrid-join-incomplete.explanation':
    'デバイスは Active Directory に参加していますが、Entra ID には参加していません。前回の試行はフェーズ "{phase}" でクライアント エラー {code} により停止しました (失敗したテスト: {failedTests})。各コードの意味と修正すべき点は以下のとおりです。',
  'finding.hybrid-join-incomplete.not-synced':
    'デバイスは Active Directory に参加していますが、Entra ID には参加していません。参加はフェーズ "{phase}" で {code} により停止しました。Entra ID にはまだこのコンピューターのオブジェクトがありません。同期によるハイブリッド参加 (フェデレーションなし) では、先に Entra Connect がコンピューター オブジェクトを同期する必要があるため、新しいコンピューターでは次の同期サイクルまではこの状態が正常です。解消しない場合は、コンピューターの OU が同期対象範囲外であるか、オブジェクトに証明書の属性がありません。',
  'finding.hybrid-join-incomplete.no-diagnostics':
    'デバイスは Active Directory に参加していますが、Entra ID には参加していません。この出力には、原因を示す参加前の診断情報がありません。参加前の診断情報は、管理者として実行した `dsregcmd /status` でのみ表示されます (チェックを SYSTEM として実行するため)。',
  'finding.prt-missing.title': 'ユーザーがプライマリ更新トークンを持っていません (AzureAdPrt NO)',
  'finding.prt-missing.explanation':
    'デバイスは参加済みですが、サインイン中のユーザーが PRT を持っていないため、ブラウザーや Office でシングル サインオンができず、デバイス ベースの条件付きアクセスが失敗します。前回の試行が失敗した理由は、以下の診断情報のとおりです。',
  'finding.prt-missing.no-diagnostics':
    'デバイスは参加済みですが、サインイン中のユーザーが PRT を持っておらず、この出力には PRT 取得時の診断情報がありません。PC をロックしてロックを解除 (またはサインアウトしてサインイン) してから、ユーザーとして `dsregcmd /status` をもう一度実行してください。AAD の Operational イベント ログ (イベント 1006/1007/1098) にも試行が記録されます。',
  'finding.prt-request-failed.acquire': 'PRT の取得に失敗しました ({prt})',
  'finding.prt-request-failed.refresh': 'PRT の更新に失敗しました ({prt})',
  'finding.prt-request-failed.explanation':
    '{when} の試行は状態 {status} で失敗しました。サーバーの応答は HTTP {http}: {server} です。各コードの意味は以下のとおりです。',
  'finding.prt-request-failed.network':
    '{when} の試行は状態 {status}、トランスポート エラー {transport} で失敗しました。PC がサインイン エンドポイントに接続できませんでした (名前解決、プロキシ、またはファイアウォール)。各コードの意味は以下のとおりです。',
  'finding.prt-stale.title': 'PRT が {hours} 時間更新されていません',
  'finding.prt-stale.explanation':
    'AzureAdPrtUpdateTime は {updated} で、出力を取得した時刻は {clock} ({clockField}) です。Windows は PRT を 4 時間ごとに更新するため、これより古い場合は更新が失敗しています (ネットワークやプロキシ、パスワードの変更、フェデレーションの問題など)。',
  'finding.prt-stale.attempt':
    'AzureAdPrtUpdateTime は {updated} ですが、その {hours} 時間後の {clock} ({clockField}) に PRT の試行が失敗しています。Windows は PRT を 4 時間ごとに更新します。更新が失敗しており、その理由は以下の失敗した試行のとおりです。',
  'finding.dual-state.title': '二重の状態: 参加済みで、登録済みでもあります (WorkplaceJoined YES)',
  'finding.dual-state.hybrid':
    'PC は Microsoft Entra ハイブリッド参加済みですが、ユーザーが職場アカウントも追加したため、Entra にデバイスがもう一度登録されています (WorkplaceJoined YES)。2 つの登録はデバイス ID が異なり、サインイン時に誤ったほうが提示されることがあります。職場アカウントの登録を削除し、ハイブリッド参加は残してください。BlockAADWorkplaceJoin ポリシーを使用すると再発を防げます。',
  'finding.dual-state.joined':
    'PC は Microsoft Entra 参加済みで、ユーザーは Microsoft Entra 登録も持っています (WorkplaceJoined YES)。この登録は不要で、別のデバイス ID を持っています。登録を削除し、参加は残してください。',
  'finding.device-certificate-expired.title': 'デバイス証明書の有効期限が切れています',
  'finding.device-certificate-expired.explanation':
    'デバイス証明書の有効期限は {end} まででした。{asOf} ({asOfSource}) の時点で期限切れです。証明書がないとデバイスは認証できないため、登録を作り直す必要があります。',
  'finding.device-certificate-expiring.title': 'デバイス証明書の有効期限まであと {days} 日です',
  'finding.device-certificate-expiring.explanation':
    'デバイス証明書の有効期限は {end} までです ({asOf} 時点、{asOfSource})。期限までに登録を作り直すよう計画してください。',
  'finding.device-certificate-not-yet-valid.title': 'デバイス証明書はまだ有効になっていません',
  'finding.device-certificate-not-yet-valid.explanation':
    'デバイス証明書の有効期間は {start} からで、出力自体の時刻 {asOf} より後です。PC の時計がずれている可能性があります。先に時刻を修正してください。',
  'finding.key-sign-test-failed.title': 'KeySignTest が失敗しました: デバイス キーを使用できません',
  'finding.key-sign-test-failed.explanation':
    'KeySignTest が "{value}" です。デバイス証明書の秘密キーで署名できません。通常は TPM のクリアやリセットの後に発生します。Windows はデバイスを回復対象としてマークするため、登録を回復するか作り直す必要があります。',
  'finding.aad-recovery-enabled.title': 'デバイスが回復対象としてマークされています (AadRecoveryEnabled YES)',
  'finding.aad-recovery-enabled.explanation':
    'Windows は、保存されているデバイス キーを使用できないと判断しました。次回のサインイン時に回復が始まります。Microsoft Entra 参加済みの PC では、ユーザーにサインインが求められます (ローカル管理者が必要な場合があります)。',
  'finding.aad-recovery-enabled.hybrid':
    'Windows は、保存されているデバイス キーを使用できないと判断しました。Microsoft Entra ハイブリッド参加済みの PC では、次回のサインイン時に回復が自動的に実行されます。実行されない場合は、ハイブリッド参加を作り直してください。',
  'finding.tpm-error.title': 'TPM エラー ({codes})',
  'finding.tpm-error.explanation':
    '出力に TPM エラーがあります。デバイス キーは TPM に格納されているため、TPM が正常に動作しない間は、登録と PRT の取得がどちらも失敗します。',
  'finding.tpm-not-used.title': 'デバイス キーが TPM で保護されていません',
  'finding.tpm-not-used.explanation':
    'TpmProtected が NO です (キー プロバイダー: {provider})。デバイス キーはソフトウェアで保持されています。動作はしますが、TPM が無効になっている、故障している、または古すぎる (TPM 1.2 は使用されなくなりました) 可能性があります。',
  'finding.wrong-context.title': '出力が対象のユーザーとして取得されていません',
  'finding.wrong-context.system':
    'この出力は SYSTEM またはコンピューター アカウントとして取得されています。Device State と Device Details は有効ですが、User State と SSO State は実際のユーザーを表していないため、ユーザーが PRT を持っているかどうかはわかりません。ユーザー自身のセッションで、管理者としてではなく `dsregcmd /status` を実行し、出力を取得し直してください。',
  'finding.wrong-context.elevated':
    'この出力は、管理者として実行したコマンド プロンプトで取得されています。デバイス レベルの項目は有効ですが、User State と SSO State はサインイン中のユーザーを表していない可能性があります (管理者として実行すると WamDefaultSet にエラーが表示されます)。ユーザー自身のセッションで、管理者としてではなく `dsregcmd /status` を実行し、出力を取得し直してください。',
  'finding.wrong-context.remote':
    'この出力はリモート シェル (WinRM、PowerShell リモート処理) で取得されています。ネットワーク ログオンには独自の PRT がないため、User State と SSO State はコンソールのユーザーについて何も示していません。ユーザー自身の対話型セッションで `dsregcmd /status` を実行し、出力を取得し直してください。',
  'finding.join-state-unknown.title': '出力に参加状態が表示されていません',
  'finding.join-state-unknown.explanation':
    'Device State セクション (AzureAdJoined、DomainJoined) または User State (WorkplaceJoined) がないため、このデバイスがどのように登録されているか、したがってどの対処が適切かを判断できません。`dsregcmd /status` の出力全体を取得してください。',
  'finding.output-elided.title': '出力の一部が省略されています',
  'finding.output-elided.explanation': '出力を貼り付けた人が {count} か所を省略しています。診断結果は表示されている部分だけが対象で、それ以外は不明です。',
  'finding.ids-masked.title': 'デバイス ID またはテナント ID がマスクされています',
  'finding.ids-masked.explanation':
    '共有前にデバイス ID またはテナント ID がマスク、短縮、または置き換えられているため、不明として扱います。テナントでデバイスを検索するには、PC 上の実際の DeviceId を使用してください。',
  'finding.error-code.title': 'エラー コード {code}',
  'finding.error-code.explanation': '出力に {code} が含まれています。意味は以下のとおりです。',
  'finding.unknown-error-code.title': '不明なエラー コード {code}',
  'finding.unknown-error-code.explanation':
    '{code} は dsreg-doctor のナレッジ ベースにありません。推測はせず、不明として扱います。Microsoft Learn や Entra のサインイン ログで検索してください。',

  // --- plan steps ------------------------------------------------------------------------------
  'step.disconnect-work-account.title': '職場または学校アカウントを切断します',
  'step.disconnect-work-account.why':
    'デバイスは Microsoft Entra 登録済み (WorkplaceJoined YES) です。この登録は削除されたデバイス オブジェクトを指しているため、削除する必要があります。',
  'step.disconnect-work-account.why-dual':
    '余分な Microsoft Entra 登録 (WorkplaceJoined YES) を先に削除し、参加だけを残して、提示されるデバイス ID を 1 つにする必要があります。',
  'step.disconnect-work-account.actions':
    '対象のユーザーでサインインした状態で、「設定」>「アカウント」>「職場または学校にアクセスする」を開きます。\n職場アカウント (かばんのアイコン / 「… の Azure AD に接続済み」と表示されているもの) を選択し、「切断」を選択して確定します。\n再起動するか、サインアウトしてサインインし直します。',
  'step.disconnect-work-account.expect': '「職場または学校にアクセスする」からアカウントが消えます。',
  'step.disconnect-work-account.verify': 'ユーザーとして実行した `dsregcmd /status` で WorkplaceJoined : NO と表示されます。',
  'step.reconnect-work-account.title': '職場または学校アカウントを再度接続します',
  'step.reconnect-work-account.why': '登録し直すと、テナントに新しいデバイス オブジェクトが作成され、新しいデバイス ID を含む新しい PRT が発行されます。',
  'step.reconnect-work-account.actions':
    '「設定」>「アカウント」>「職場または学校にアクセスする」>「+ 接続」を選択します (Windows 11 では「職場または学校アカウントを追加」の横にある「接続」)。\nユーザーの職場アカウントでサインインし、ウィザードを完了します。\nサインアウトしてサインインし直し、Edge または Office をもう一度開きます。',
  'step.reconnect-work-account.expect': 'アカウントが接続済みと表示され、エラーが表示されなくなります。',
  'step.reconnect-work-account.verify':
    '`dsregcmd /status` で WorkplaceJoined : YES と新しい WorkplaceDeviceId が表示され、Microsoft Entra 管理センターに新しいデバイスが表示されます。',
  'step.forcerecovery.title': 'dsregcmd /forcerecovery で参加し直します (管理者として実行)',
  'step.forcerecovery.why':
    'デバイスは Microsoft Entra 参加済み (AzureAdJoined のみ YES) です。/forcerecovery は壊れた参加を解除し、ユーザーが参加し直す操作を案内します。',
  'step.forcerecovery.why-keys': '参加のキーまたは証明書を使用できません。/forcerecovery で参加を作り直します。',
  'step.forcerecovery.actions':
    'コマンド プロンプトを「管理者として実行」で開きます (この PC のローカル管理者であるアカウントを使用します)。\n$ dsregcmd /forcerecovery\n表示された画面で「サインイン」を選択し、デバイスを参加させる権限のある職場アカウントでサインインして、参加を完了します。\n成功したと表示されたら、サインアウトしてサインインし直します。',
  'step.forcerecovery.expect':
    '管理者として実行しないと、管理者として実行する必要があるというエラーが表示され、コマンドは実行されません。管理者として実行するとサインイン画面が開き、参加が完了します。',
  'step.forcerecovery.verify':
    'ユーザーとして実行した `dsregcmd /status` で AzureAdJoined : YES、新しい DeviceId、DeviceAuthStatus : SUCCESS、AzureAdPrt : YES と表示されます。',
  'step.leave-and-reboot.title': 'dsregcmd /leave でハイブリッド参加を解除し (管理者として実行)、再起動してサインインします',
  'step.leave-and-reboot.why':
    'デバイスは Microsoft Entra ハイブリッド参加済み (DomainJoined と AzureAdJoined が YES) です。参加を解除すると古い参加が削除され、再起動後に Windows が自動的にコンピューターを再登録します。',
  'step.leave-and-reboot.why-keys': 'ハイブリッド参加のキーまたは証明書を使用できません。参加を解除して再登録すると作り直されます。',
  'step.leave-and-reboot.actions':
    'コマンド プロンプトを「管理者として実行」で開きます。\n$ dsregcmd /leave\nPC を再起動します。\nPC がドメイン コントローラーに接続できる状態 (社内ネットワークまたは VPN) で、ドメイン アカウントでサインインします。',
  'step.leave-and-reboot.expect':
    '再起動してサインインすると、タスク スケジューラのタスク Automatic-Device-Join がコンピューターを再登録します。数分かかることがあり、同期による参加の場合は次回の Entra Connect の同期サイクルも待つ必要があります。',
  'step.leave-and-reboot.verify':
    '`dsregcmd /status` で AzureAdJoined : YES、DomainJoined : YES、DeviceAuthStatus : SUCCESS と表示され、ユーザーとして実行すると AzureAdPrt : YES と表示されます。',
  'step.check-auto-registration-policy.title': 'ドメイン コンピューターの自動登録が許可されていることを確認します',
  'step.check-auto-registration-policy.why':
    '/leave 後の再登録は既定では自動的に行われますが、ポリシーで無効にできます。デバイスが再登録されない場合は確認してください。',
  'step.check-auto-registration-policy.why-disabled':
    'この環境ではポリシーで自動登録が無効になっているため、許可されるまでは /leave 後にデバイスが再登録されません。',
  'step.check-auto-registration-policy.actions':
    'グループ ポリシーで、「コンピューターの構成」>「管理用テンプレート」>「Windows コンポーネント」>「デバイス登録」>「ドメインに参加しているコンピューターをデバイスとして登録する」が「無効」になっていないことを確認します。\nタスク スケジューラで、「Microsoft」>「Windows」>「Workplace Join」>「Automatic-Device-Join」が有効になっていることを確認します。\nコンピューターの OU が Entra Connect の同期対象範囲に含まれていることを確認します (同期による参加の場合)。',
  'step.check-auto-registration-policy.expect': 'ポリシーが「未構成」または「有効」で、タスクが有効になっています。',
  'step.check-auto-registration-policy.verify': '再起動してサインインした後、`dsregcmd /status` で AzureAdJoined : YES と表示されます。',
  'step.clear-aad-storage-key.title': '解消しない場合: 残っている AAD\\Storage レジストリ キーを削除します',
  'step.clear-aad-storage-key.why':
    '上記の手順を行ってもエラーが解消しない場合、ユーザーのレジストリに残った古いキーが、古い登録を提示し続けている可能性があります。これは元の記事の最後の段階です。',
  'step.clear-aad-storage-key.why-now':
    'AzureAdJoined と WorkplaceJoined はすでに両方とも NO ですが、エラーが発生しています。ユーザーのレジストリに残った古いキーが、古い登録を提示し続けている可能性があります。',
  'step.clear-aad-storage-key.actions':
    'まず、すべての参加と登録を解除し、`dsregcmd /status` で AzureAdJoined : NO と WorkplaceJoined : NO と表示されることを確認します。\n対象のユーザーでサインインした状態で (このユーザーの HKEY_CURRENT_USER が対象です)、レジストリ エディターを開き、HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage に移動します。\nhttps://login.microsoftonline.com という名前のキーがある場合は、バックアップとしてエクスポートしてから削除します:\n$ reg export "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage\\https://login.microsoftonline.com" "%USERPROFILE%\\aad-storage-backup.reg"\n$ reg delete "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage\\https://login.microsoftonline.com" /f\nデバイスを再度登録または参加させ (デバイスの状態に対応する対処手順を行います)、エラーが解消したかを確認します。',
  'step.clear-aad-storage-key.expect':
    'このキーは、ハイブリッド参加より前に Microsoft Entra 登録済みだった、Microsoft Entra ハイブリッド参加済みの PC に残っていることがよくあります。',
  'step.clear-aad-storage-key.verify': '再登録後、`dsregcmd /status` で想定どおりの参加状態が表示され、ユーザーに 700003 が表示されなくなります。',
  'step.retire-in-mdm.title': '切断または再登録がブロックされる場合: Intune (または使用している MDM) でデバイスをリタイアします',
  'step.retire-in-mdm.why': 'デバイスが MDM に登録されています。MDM に登録されていると、切断や再登録ができない場合があります。',
  'step.retire-in-mdm.actions':
    'Intune 管理センター >「デバイス」>「すべてのデバイス」> 対象のデバイスを選択 >「リタイア」を選択します (他の MDM の場合は同等の操作を行います)。\nデバイスがチェックインして登録が削除されるまで待ってから、次の手順に進みます。',
  'step.retire-in-mdm.expect': 'デバイスがリタイア済みと表示され、MDM の管理から外れます。',
  'step.retire-in-mdm.verify': '「設定」>「アカウント」>「職場または学校にアクセスする」に MDM の登録が表示されなくなります。',
  'step.contact-support.title': 'それでも解消しない場合: Microsoft サポートに問い合わせます',
  'step.contact-support.why': '上記の手順でエラーが解消しない場合、サポートでの調査には根拠となる情報が必要です。',
  'step.contact-support.actions':
    '手順の前と後に (管理者としてではなくユーザーとして) 取得した `dsregcmd /status`、エラーの発生時刻、エラー画面の Correlation ID (相関 ID) を用意します。\n組織外に共有する前に ID をマスクします (dsreg-doctor redact)。\nサポート リクエストを作成し、これらを添付します。',
  'step.contact-support.expect': 'サポートは Correlation ID からサインインを追跡できます。',
  'step.contact-support.verify': '—',
  'step.enable-device-object.title': 'デバイス オブジェクトを有効にします',
  'step.enable-device-object.why': 'オブジェクトは存在しますが無効になっています。有効にすると、再登録しなくてもサインインできるようになります。',
  'step.enable-device-object.why-hybrid':
    'オブジェクトが無効になっています。ハイブリッド参加済みのデバイスで、Active Directory でもコンピューター アカウントが無効になっている場合は、先に Active Directory で有効にしてください。そうしないと、Entra Connect がクラウドのオブジェクトを再び無効にします。',
  'step.enable-device-object.actions':
    'Microsoft Entra 管理センター >「デバイス」>「すべてのデバイス」> DeviceId を検索 > 対象のデバイスを選択 >「有効にする」を選択します (ロール: クラウド デバイス管理者以上)。\nMicrosoft Entra ハイブリッド参加済みの場合: Active Directory でコンピューター アカウントが無効になっていれば、Active Directory で有効にし、Entra Connect で同期されるのを待ちます。',
  'step.enable-device-object.expect': 'デバイスの「有効」が「はい」と表示されます。新しい PRT が発行されるまで最大 1 時間かかることがあります。',
  'step.enable-device-object.verify':
    'ロックとロック解除、またはサインアウトとサインインの後、`dsregcmd /status` で DeviceAuthStatus : SUCCESS と AzureAdPrt : YES と表示されます。',
  'step.sync-computer-object.title': 'コンピューター オブジェクトを Entra ID に同期します',
  'step.sync-computer-object.why':
    '同期によるハイブリッド参加では、先に Entra Connect がコンピューター アカウントからデバイス オブジェクトを作成する必要があります (作成されるまでは 0x801c03f2 になります)。',
  'step.sync-computer-object.actions':
    'コンピューターの OU が Entra Connect の同期対象範囲に含まれていることを確認します (Synchronization Service Manager、または Entra Connect ウィザード >「ドメインと OU のフィルタリング」)。\nコンピューター アカウントに userCertificate 属性があることを確認します (デバイスが最初の参加の試行時に書き込みます)。\nEntra Connect サーバーで差分同期を実行するか、次の同期サイクルを待ちます:\n$ Start-ADSyncSyncCycle -PolicyType Delta\nその後、PC を再起動するか、サインアウトしてサインインし直すと、参加が再試行されます。',
  'step.sync-computer-object.expect':
    'Microsoft Entra 管理センターにデバイスがハイブリッド参加済みとして表示されます。PC が登録を完了するまでは「保留中」と表示されます。',
  'step.sync-computer-object.verify': '`dsregcmd /status` で AzureAdJoined : YES と表示されます。',
  'step.rerun-as-user.title': '対象のユーザーとして dsregcmd /status を取得し直します',
  'step.rerun-as-user.why': 'この出力は対象のユーザー自身のセッションで取得されていないため、ユーザーと SSO の状態が不明です。',
  'step.rerun-as-user.actions':
    '対象のユーザーに、PC 上のユーザー自身のセッションで、通常の (管理者として実行していない) コマンド プロンプトを開いてもらいます。\n$ dsregcmd /status > "%USERPROFILE%\\Desktop\\dsregcmd-status.txt"\nファイルを送ってもらい、dsreg-doctor で診断します。',
  'step.rerun-as-user.expect': '新しい出力に、ユーザーの WorkplaceJoined、AzureAdPrt、PRT の診断情報が表示されます。',
  'step.rerun-as-user.verify': '—',
  'step.collect-full-status.title': 'dsregcmd /status の出力全体を取得します',
  'step.collect-full-status.why': '入力に参加状態が表示されていません。適切な対処は参加状態によって異なります。',
  'step.collect-full-status.actions':
    '対象の PC で、対象のユーザーとして (管理者としてではなく) 次を実行します:\n$ dsregcmd /status > "%USERPROFILE%\\Desktop\\dsregcmd-status.txt"\nファイル全体を編集せずに送ってもらいます (dsreg-doctor redact で ID を安全にマスクできます)。',
  'step.collect-full-status.expect': '出力が Device State で始まり、User State と SSO State も含まれています。',
  'step.collect-full-status.verify': '—',
  'step.confirm-device-object.title': 'デバイス オブジェクトが削除されたのか、無効化されたのかを確認します',
  'step.confirm-device-object.why': '出力からは削除と無効化を区別できず、対処も異なります。無効化されたオブジェクトは、有効にするだけで解消します。',
  'step.confirm-device-object.actions':
    'Microsoft Entra 管理センター >「デバイス」>「すべてのデバイス」で、出力の DeviceId を検索します。\n見つからない場合 → 削除されています。次の手順に進みます。見つかって無効になっている場合 → 代わりにオブジェクトを有効にし (enable-device-object)、ここで終了します。\n監査ログ (カテゴリ: Device、アクティビティ: Delete device / Disable device) で、いつ誰が行ったかを確認できます。',
  'step.confirm-device-object.expect': 'オブジェクトが存在しないのか、無効になっているのかがわかります。',
  'step.confirm-device-object.verify': '—',
  'step.confirm-device-object.why-unconfirmed':
    'この出力からは参加が失敗しているかどうかがわかりません: DeviceAuthStatus がなく (Windows 10 1607 以前の形式)、PRT があり失敗した取得もなく、エラーにもデバイス識別子がありません。参加を解除する前に、管理センターでデバイス オブジェクトが本当にないことを確認してください。',
  'caveat.confirm-found-enabled':
    '見つかって有効で登録済み (保留中ではない) 場合: オブジェクトに問題はなく、この出力には失敗が表示されていません。PC では何も変更せず、エラー画面の「トラブルシューティングの詳細」のデバイス識別子を確認して、--device-id を付けて再度診断してください。',
  'step.refresh-prt.title': '新しい PRT を取得します: ロックとロック解除、またはサインアウトとサインイン',
  'step.refresh-prt.why': 'PRT がないか、古くなっています。新しくサインインすると、新しい PRT が要求されます。',
  'step.refresh-prt.why-after-enable': 'オブジェクトを有効にした後は、ユーザーに新しい PRT が必要です。',
  'step.refresh-prt.actions':
    'PC をロックし (Windows + L)、ユーザーのパスワードまたは Windows Hello でロックを解除するか、サインアウトしてサインインし直します。\nまたは、ユーザーとして次を実行します:\n$ dsregcmd /refreshprt',
  'step.refresh-prt.expect': 'AzureAdPrtUpdateTime が現在の時刻に更新されます。',
  'step.refresh-prt.verify': 'ユーザーとして実行した `dsregcmd /status` で AzureAdPrt : YES と表示され、AzureAdPrtUpdateTime が最近の時刻になっています。',
  'step.check-network-proxy.title': 'Entra ID へのネットワーク経路を確認します (プロキシ、DNS、ファイアウォール)',
  'step.check-network-proxy.why': 'エラーから、PC が Entra ID のエンドポイントに接続できなかったことがわかります。',
  'step.check-network-proxy.actions':
    'PC から login.microsoftonline.com、device.login.microsoftonline.com、enterpriseregistration.windows.net の名前解決ができ、接続できることを確認します。\n登録は SYSTEM として実行されるため、ユーザー認証が必要なプロキシや、ユーザーにのみ設定されたプロキシは使用できません。WPAD または WinHTTP プロキシを構成します。\n$ netsh winhttp show proxy',
  'step.check-network-proxy.expect': 'コンピューターのコンテキストから、エンドポイントが HTTPS で応答します。',
  'step.check-network-proxy.verify': '新しく取得した `dsregcmd /status` で DRS のテストが PASS になり、PRT の診断情報に HTTP Error が表示されません。',
  'step.check-scp.title': 'Active Directory のサービス接続ポイント (SCP) を確認します',
  'step.check-scp.why': 'デバイスが有効な SCP を読み取れなかったため、どのテナントに参加すればよいかわかりません。',
  'step.check-scp.actions':
    'フォレストの構成パーティションで、CN=62a0ff2e-97b9-4513-943f-0d221bd30080,CN=Device Registration Configuration,CN=Services にキーワード azureADId:<テナント ID> と azureADName:<確認済みドメイン> が設定されている必要があります。\nまたは、対象を絞って展開する場合は、クライアント側の SCP を HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CDJ\\AAD (TenantId、TenantName) に設定します。\nSCP がない場合は、Entra Connect の「デバイス オプションの構成」を再実行します。',
  'step.check-scp.expect': 'SCP に正しいテナントが指定されています。',
  'step.check-scp.verify': '管理者として実行した `dsregcmd /status` で AD Configuration Test : PASS と表示されます。',
  'step.check-credentials.title': 'ユーザーの資格情報とアカウントを確認します',
  'step.check-credentials.why': 'PRT の要求時に、Entra ID がユーザーの資格情報またはアカウントを拒否しました。',
  'step.check-credentials.actions':
    'ユーザーがこの UPN で Entra ID に存在し、有効でロックされていないこと、最近のパスワード変更が同期されていること (パスワード ハッシュ同期には数分かかることがあります) を確認します。\nユーザーに、現在のパスワードで PC をロックしてロックを解除してもらいます。',
  'step.check-credentials.expect': '次回の PRT の試行が成功します。',
  'step.check-credentials.verify': 'ユーザーとして実行した `dsregcmd /status` で AzureAdPrt : YES と表示されます。',
  'step.check-federation.title': 'フェデレーション サービス (AD FS またはサードパーティ製品) を確認します',
  'step.check-federation.why': 'PRT の要求がフェデレーション サーバーに送られ、そこで失敗しました。',
  'step.check-federation.actions':
    'WS-Trust エンドポイント (usernamemixed、windowstransport) が有効で PC から接続できること、フェデレーション サーバーの証明書が有効であることを確認します。\n失敗した試行の時刻の AD FS 管理ログを確認します。',
  'step.check-federation.expect': 'エンドポイントが応答し、トークンを発行します。',
  'step.check-federation.verify': 'ユーザーとして実行した `dsregcmd /status` で AzureAdPrt : YES と表示されます。',
  'step.check-tpm.title': 'TPM を確認します',
  'step.check-tpm.why': 'TPM エラーのため、デバイス キーが機能しません。',
  'step.check-tpm.actions':
    'tpm.msc または Get-Tpm (管理者として実行した PowerShell) で、TPM が存在し、使用する準備ができていて、ロックアウトされていないことを確認します。\nベンダーから修正が提供されている場合は、TPM ファームウェアと BIOS を更新します。FIPS モードの TPM や TPM 1.2 は、デバイス キーには使用されません。\nTPM がクリアされた場合はデバイス キーが失われているため、登録を作り直す必要があります。',
  'step.check-tpm.expect': 'TPM が使用する準備ができていると表示されます。',
  'step.check-tpm.verify': '`dsregcmd /status` で TpmProtected : YES、KeySignTest : PASSED (管理者として実行した場合) と表示されます。',
  'step.check-clock.title': 'PC の時計を修正します',
  'step.check-clock.why': '時計がずれていると、トークンと証明書の検証が失敗します。',
  'step.check-clock.actions': '時刻、日付、タイム ゾーンを確認し、再同期します:\n$ w32tm /resync',
  'step.check-clock.expect': '時計がドメインまたはインターネットの時刻と一致します。',
  'step.check-clock.verify': '管理者として実行した `dsregcmd /status` の Client Time が、現在の UTC 時刻になっています。',
  'step.check-conditional-access.title': 'サインインをブロックした条件付きアクセス ポリシーを確認します',
  'step.check-conditional-access.why': 'サインインは Entra ID に届きましたが、条件付きアクセスのデバイス要件を満たしていませんでした。',
  'step.check-conditional-access.actions':
    'Entra のサインイン ログで失敗したサインインを開き (Correlation ID で検索)、「デバイス情報」タブと「条件付きアクセス」タブを確認します。\nポリシーの要件どおりにデバイスが準拠済み / ハイブリッド参加済みであること、ブラウザーがデバイスの状態を渡していること (Edge にサインインしている、または Chrome に Windows Accounts 拡張機能がある) を確認します。',
  'step.check-conditional-access.expect': 'どのポリシーのどの要件を満たしていなかったかがわかります。',
  'step.check-conditional-access.verify': '次回のサインインが、サインイン ログで「成功」と表示されます。',
  'step.sign-in-to-recover.title': 'もう一度サインインして、Windows にデバイス キーを回復させます',
  'step.sign-in-to-recover.why': 'Windows がデバイスを回復対象としてマークしました。回復は次回のサインイン時に実行されます。',
  'step.sign-in-to-recover.actions':
    'サインアウトしてサインインし直します。デバイスを回復するためにサインインするよう Windows から求められたら、サインインします (ローカル管理者が必要な場合があります)。',
  'step.sign-in-to-recover.expect': 'Windows が回復を完了します。',
  'step.sign-in-to-recover.verify': '`dsregcmd /status` で AadRecoveryEnabled : NO、KeySignTest : PASSED (管理者として実行した場合) と表示されます。',
  'caveat.mdm-may-block':
    'デバイスが Intune などの MDM に登録されている場合、切断や再登録ができないことがあります。先に MDM でリタイアしてください (MdmUrl は自動登録が構成されていることを示すだけで、このデバイスが登録されていることを示すものではありません)。',
  'caveat.auto-registration-default': '自動的な再登録は既定の動作です。組織によっては、ポリシーで無効にしている場合があります。',

  // --- report ----------------------------------------------------------------------------------
  'report.title': 'dsreg-doctor 診断結果',
  'report.input': '入力',
  'report.device': 'デバイス',
  'report.joinType': '参加状態',
  'report.deviceId': 'デバイス ID',
  'report.deviceName': 'デバイス名',
  'report.tenant': 'テナント',
  'report.deviceAuthStatus': 'DeviceAuthStatus',
  'report.prt': 'Entra PRT (AzureAdPrt)',
  'report.context': '取得したコンテキスト',
  'report.errorCodes': 'エラー コード',
  'report.findings': '診断結果',
  'report.noFindings': 'この出力に問題は見つかりませんでした。',
  'report.evidence': '根拠',
  'report.line': '行',
  'report.plan': '対処手順',
  'report.noPlan': '必要な対処はありません。',
  'report.admin.local': 'ローカル管理者',
  'report.admin.tenant': 'テナント管理者',
  'report.admin.none': 'ユーザー',
  'report.conditional': '必要な場合のみ',
  'report.why': '理由',
  'report.actions': '操作',
  'report.expect': '想定される結果',
  'report.verify': '確認',
  'report.caveat': '注意',
  'report.meaning': '意味',
  'report.cause': '主な原因',
  'report.action': '対処',
  'report.unknownCode': 'ナレッジ ベースにありません。不明として扱います。',
  'report.unknown': '不明',
  'report.masked': 'マスク済み',
  'report.notShown': '表示なし',
  'report.yes': 'YES',
  'report.no': 'NO',
  'report.warnings': '入力に関する警告',
  'report.stage.prepare': '事前準備',
  'report.stage.remedy': '対処',
  'report.stage.fallback': 'エラーが解消しない場合',
  'report.stage.support': '最終手段',
  'joinType.entra-joined': 'Microsoft Entra 参加済み',
  'joinType.hybrid-joined': 'Microsoft Entra ハイブリッド参加済み',
  'joinType.entra-registered': 'Microsoft Entra 登録済み (職場アカウント)',
  'joinType.domain-joined': 'ドメイン参加のみ (Entra ID には未参加)',
  'joinType.drs-joined': 'オンプレミスの DRS (AD FS) に参加済み',
  'joinType.not-joined': '未参加・未登録',
  'joinType.unknown': '不明 (出力に表示されていません)',
  'context.user': 'サインイン中のユーザー',
  'context.elevated': '管理者として実行したプロンプト',
  'context.system': 'SYSTEM / コンピューター アカウント',
  'context.remote': 'リモート セッション',
  'context.unknown': '表示なし',
  'severity.error': 'エラー',
  'severity.warning': '警告',
  'severity.info': '情報',
} satisfies Partial<Record<MessageKey, string>>;
