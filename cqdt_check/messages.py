"""The tool's own words in Vietnamese and English: input problems, schema errors, report headings.

Rule messages live with the rules (rules/*.yaml); everything else a user reads is here, keyed by code.
"""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    # Files that cannot be checked (exit 2).
    "not_found": ("không tìm thấy tệp", "file not found"),
    "is_directory": ("là thư mục, không phải tệp", "is a directory, not a file"),
    "permission": ("không có quyền đọc tệp", "permission denied"),
    "architecture_not_mapping": (
        "tệp kiến trúc rỗng hoặc không phải bảng khoá–giá trị (cần format: cqdt-architecture/1, id, decision, …)",
        "the architecture file is empty or not a mapping (it needs format: cqdt-architecture/1, id, decision, …)",
    ),
    "permission_folder": ("không có quyền đọc thư mục", "permission denied: the folder cannot be read"),
    "os_error": ("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
    "too_large": (
        "tệp quá lớn ({size} byte, giới hạn {limit}); nâng giới hạn bằng --max-bytes nếu tệp là hợp lệ",
        "file too large ({size} bytes, limit {limit}); raise it with --max-bytes if the file is genuine",
    ),
    "too_many_nodes": (
        "tệp có quá nhiều nút YAML (giới hạn {limit}, kể cả các alias được mở rộng); nâng bằng --max-nodes",
        "too many YAML nodes (limit {limit}, counting expanded aliases); raise it with --max-nodes",
    ),
    "too_deep": (
        "cấu trúc lồng quá sâu (giới hạn {limit} cấp); nâng bằng --max-depth",
        "nesting too deep (limit {limit} levels); raise it with --max-depth",
    ),
    "encoding_utf16": (
        "tệp không phải UTF-8 (có vẻ là UTF-16); hãy lưu lại với mã hoá UTF-8 (trong Notepad: Lưu thành… → Mã hoá: UTF-8)",
        "the file is not UTF-8 (looks like UTF-16); save it again as UTF-8 (Notepad: Save as… → Encoding: UTF-8)",
    ),
    "encoding_binary": (
        "tệp chứa byte NUL ở vị trí {offset}: đây không phải tệp văn bản YAML; nếu đây là kế hoạch, hãy mở bằng trình "
        "soạn thảo văn bản và lưu lại dạng văn bản với mã hoá UTF-8",
        "the file contains a NUL byte at offset {offset}: it is not a YAML text file; if it is a plan, open it in a text "
        "editor and save it as plain text with UTF-8 encoding",
    ),
    "encoding_not_utf8": (
        "byte thứ {offset} không hợp lệ trong UTF-8 (có thể tệp lưu bằng Windows-1258 hoặc TCVN3); "
        "hãy lưu lại tệp với mã hoá UTF-8 và dùng phông Unicode",
        "byte {offset} is not valid UTF-8 (the file may be Windows-1258 or TCVN3); save it again as UTF-8 with a Unicode font",
    ),
    "syntax": ("YAML không hợp lệ ở vị trí này («{text}»); kiểm tra thụt lề, dấu ':' sau mỗi khoá và dấu nháy",
               "invalid YAML at this place («{text}»); check the indentation, the ':' after each key and the quotes"),
    "syntax.tab": ("YAML không hợp lệ: dòng thụt lề bằng phím Tab («{text}»); YAML chỉ cho phép thụt lề bằng dấu cách",
                   "invalid YAML: the line is indented with a tab («{text}»); YAML allows only spaces for indentation"),
    "syntax.quote": ("YAML không hợp lệ: dấu nháy mở nhưng chưa đóng («{text}»); thêm dấu nháy đóng ở cuối giá trị",
                     "invalid YAML: a quote is opened but not closed («{text}»); close it at the end of the value"),
    "syntax.bracket": ("YAML không hợp lệ: dấu ngoặc [ hoặc {{ mở nhưng chưa đóng («{text}»)",
                       "invalid YAML: a [ or {{ is opened but not closed («{text}»)"),
    "syntax.indent": (
        "YAML không hợp lệ: khoá thụt lề lệch, không thẳng hàng với khoá nào ở trên («{text}»); các khoá cùng cấp "
        "phải thẳng cột",
        "invalid YAML: the key is misaligned, level with no key above it («{text}»); keys of one level must line up",
    ),
    "syntax.control": ("YAML không hợp lệ: tệp chứa ký tự điều khiển {char} mà YAML không cho phép",
                       "invalid YAML: the file holds the control character {char}, which YAML does not allow"),
    "multiple_documents": (
        "tệp có nhiều hơn một tài liệu YAML (tài liệu thứ hai bắt đầu ở dòng {line}); mỗi tệp chỉ chứa một kế hoạch",
        "the file holds more than one YAML document (the second starts at line {line}); put one plan per file",
    ),
    "unknown_alias": ("alias *{alias} chưa được định nghĩa", "alias *{alias} is not defined"),
    "recursive_alias": ("alias *{alias} tự tham chiếu tới chính nó", "alias *{alias} refers to itself"),
    "no_plans": ("không có tệp .yaml/.yml nào trong thư mục", "no .yaml/.yml files in the folder"),
    "worker_lost": ("tiến trình con đang kiểm tra tệp này đã dừng đột ngột (có thể do hết bộ nhớ); hãy kiểm tra lại riêng tệp này",
                    "the worker process checking this file stopped unexpectedly (out of memory?); check this file again on its own"),
    "empty_document": ("tệp rỗng: không có nội dung kế hoạch", "the file is empty: no plan in it"),
    "not_a_mapping": (
        "nội dung tệp phải là một bảng khoá–giá trị (mapping), không phải {kind}",
        "the file must hold a mapping of keys to values, not {kind}",
    ),
    "check_crashed": (
        "không thể đánh giá quy tắc {rule} (lỗi của công cụ: {reason}); kết quả của tài liệu này chưa đầy đủ",
        "rule {rule} could not be evaluated (tool fault: {reason}); this document's result is incomplete",
    ),
    # The command line's own refusals (exit 2) and its summary line on stderr.
    "basis.architecture_in_use": ("Quyết định phê duyệt Kiến trúc đang áp dụng cho kế hoạch",
                                  "The decision approving the architecture the plan is checked against"),
    "basis.principle": ("nguyên tắc {principle}", "principle {principle}"),
    # Rule packs, architectures and other files the operator names (exit 2).
    "file.invalid": ("tệp không hợp lệ", "invalid file"),
    "pack.not_directory": ("không phải thư mục gói quy tắc", "not a rule-pack folder"),
    "pack.unknown_check": ("{rule}: hàm kiểm tra '{check}' không tồn tại; có: {known}",
                           "{rule}: there is no check '{check}'; known: {known}"),
    "pack.wrong_target": ("{rule}: hàm '{check}' không kiểm tra đối tượng '{target}'",
                          "{rule}: check '{check}' does not apply to target '{target}'"),
    "pack.bad_options": ("{rule}: tham số không hợp lệ cho '{check}' tại {path}: {reason}",
                         "{rule}: invalid options for '{check}' at {path}: {reason}"),
    "pack.unknown_scope": ("{rule}: phạm vi căn cứ '{scope}' không có trong scopes của vocabulary",
                           "{rule}: basis scope '{scope}' is not in the vocabulary's scopes"),
    "pack.unknown_concept": ("{rule}: khái niệm '{concept}' không có trong vocabulary",
                             "{rule}: concept '{concept}' is not in the vocabulary"),
    "pack.bad_placeholder": ("{rule}: thông điệp dùng {{{name}}} nhưng '{check}' chỉ cung cấp: {known}",
                             "{rule}: the message uses {{{name}}} but '{check}' only provides: {known}"),
    "pack.error_unverified": ("{rule}: quy tắc mức error phải có ít nhất một căn cứ đã xác minh (verified: true)",
                              "{rule}: an error rule needs at least one verified basis (verified: true)"),
    "pack.unknown_exemption": ("{rule}: trường hợp miễn '{exemption}' không có trong vocabulary (exemptions)",
                               "{rule}: exemption '{exemption}' is not in the vocabulary (exemptions)"),
    "pack.unknown_instrument": ("{rule}: văn bản '{instrument}' không có trong vocabulary (instruments)",
                                "{rule}: instrument '{instrument}' is not in the vocabulary (instruments)"),
    "pack.duplicate_rule": ("{rule}: mã quy tắc bị trùng (đã có ở {first})", "{rule}: duplicate rule id (already in {first})"),
    "pack.invalid": ("{rule}{path}: {reason}", "{rule}{path}: {reason}"),
    "architecture.invalid": ("kiến trúc không hợp lệ: {path}: {reason}", "invalid architecture: {path}: {reason}"),
    "architecture.root": ("(gốc)", "(root)"),
    "rules.id": ("Mã", "ID"),
    "rules.name": ("Tên ngắn", "Name"),
    "rules.severity": ("Mức độ", "Severity"),
    "rules.title": ("Tiêu đề", "Title"),
    "rules.in_force": ("Hiệu lực", "In force"),
    "rules.count": ("{count} quy tắc", "{count} rules"),
    "cli.as_said": ("{text}", "{text}"),  # a refusal already worded in the user's language (init's answers)
    # A value a model refuses (errors.Invalid).
    "value.window_reversed": ("valid_to trước valid_from", "valid_to is before valid_from"),
    "value.english_missing": ("thiếu bản tiếng Anh (en) của: {fields}", "the English text (en) is missing for: {fields}"),
    "value.duplicate_ids": ("mã trùng lặp: {ids}", "duplicate ids: {ids}"),
    "value.unknown_ids": ("tham chiếu tới mã không tồn tại: {ids}", "references to ids that do not exist: {ids}"),
    "value.duplicate_task_numbers": ("số thứ tự nhiệm vụ bị trùng", "duplicate task numbers"),
    "value.national_only": ("lớp quốc gia chỉ chứa thành phần cấp quốc gia: {ids}",
                            "the national layer holds national elements only: {ids}"),
    "value.frameworks_overlap": ("thời gian áp dụng của {first} và {second} chồng lấn",
                                 "the periods of {first} and {second} overlap"),
    "value.rental_missing": ("kế hoạch thuê dịch vụ (kind: service_rental) phải có mục rental",
                             "a service rental plan (kind: service_rental) needs a rental section"),
    "value.rental_unexpected": ("mục rental chỉ dùng khi kind là service_rental",
                                "the rental section is for kind: service_rental only"),
    "value.no_such_date": ("ngày không tồn tại: {value}", "no such date: {value}"),
    "value.date_form": ("ngày phải viết dạng YYYY-MM-DD", "dates are written YYYY-MM-DD"),
    # Why the operating system refused (errors.OsReason): its words are English whatever the locale.
    "os.ENOENT": ("không có tệp hoặc thư mục này", "no such file or folder"),
    "os.EACCES": ("không có quyền", "permission denied"),
    "os.EPERM": ("không được phép", "operation not permitted"),
    "os.ENOSPC": ("hết chỗ trống trên đĩa", "no space left on the device"),
    "os.EROFS": ("ổ đĩa chỉ cho đọc", "read-only file system"),
    "os.EISDIR": ("là thư mục", "is a folder"),
    "os.ENOTDIR": ("một phần của đường dẫn không phải thư mục", "a part of the path is not a folder"),
    "os.ENAMETOOLONG": ("tên tệp hoặc đường dẫn quá dài", "file name or path too long"),
    "os.EEXIST": ("tệp đã có", "the file already exists"),
    "os.ELOOP": ("vòng liên kết tượng trưng", "a loop of symbolic links"),
    "os.EIO": ("lỗi đọc/ghi của thiết bị", "input/output error"),
    "os.EPIPE": ("nơi nhận đã đóng", "the reader has gone"),
    "cli.progress": ("Đang kiểm tra", "Checking"),
    "cli.no_schema": ("không có schema '{name}' ({known})", "there is no schema '{name}' ({known})"),
    "cli.write_failed": ("--format {format}: {file}: {reason}", "--format {format}: {file}: {reason}"),
    "cli.no_rule_pack": ("không có gói quy tắc nào (--no-bundled-rules cần --rules THƯ_MỤC)",
                         "no rule pack (--no-bundled-rules needs --rules DIR)"),
    "cli.unknown_format": ("--format: không có định dạng '{name}'{hint} (có: {known})",
                           "--format: there is no format '{name}'{hint} (known: {known})"),
    "cli.format_no_file": ("--format {given}: thiếu tên tệp sau ':'", "--format {given}: a file name must follow ':'"),
    "cli.one_stdout": (
        "--format: chỉ một báo cáo được in ra màn hình; ghi các báo cáo khác ra tệp bằng FORMAT:TỆP",
        "--format: only one report can go to standard output; write the others with FORMAT:FILE",
    ),
    "cli.binary_to_terminal": (
        "--format {format}: tài liệu Word không in ra màn hình được; ghi ra tệp bằng {format}:TỆP.docx "
        "(hoặc chuyển hướng: > TỆP.docx)",
        "--format {format}: a Word document cannot be shown in a terminal; write it with {format}:FILE.docx "
        "(or redirect: > FILE.docx)",
    ),
    "cli.output_unused": ("--output: mọi --format đã có tệp riêng", "--output: every --format already names its file"),
    "cli.output_is_plan": ("{file}: báo cáo không được ghi đè lên tệp kế hoạch đang kiểm tra",
                           "{file}: a report must not overwrite a plan being checked"),
    "cli.stdout_closed": ("--format {format}: đầu ra chuẩn (stdout) đã bị đóng; hãy ghi báo cáo ra tệp (--format {format}:TỆP)",
                          "--format {format}: standard output is closed; write the report to a file (--format {format}:FILE)"),
    "cli.stdout_encoding": (
        "--format {format}: đầu ra chuẩn dùng mã hoá {encoding}, không hiển thị được tiếng Việt; đặt PYTHONIOENCODING=utf-8 "
        "hoặc ghi báo cáo ra tệp (--format {format}:TỆP)",
        "--format {format}: standard output uses the {encoding} encoding, which cannot show the report; set "
        "PYTHONIOENCODING=utf-8 or write the report to a file (--format {format}:FILE)",
    ),
    "cli.same_file": ("--format/--output: hai báo cáo ghi vào cùng một tệp", "--format/--output: two reports write to the same file"),
    "cli.bad_date": ("--as-of: '{value}' không phải ngày có thật dạng YYYY-MM-DD (ví dụ 2025-05-12)",
                     "--as-of: '{value}' is not a real date written YYYY-MM-DD (e.g. 2025-05-12)"),
    "cli.unknown_area": ("--area: không có lĩnh vực '{area}'; dùng: {known}", "--area: there is no area '{area}'; use: {known}"),
    "cli.unknown_rule": ("không có quy tắc '{rule}'{hint} (xem: cqdt-check rules)",
                         "there is no rule '{rule}'{hint} (see: cqdt-check rules)"),
    "cli.summary": ("{files} tệp — {error} lỗi, {warning} cảnh báo, {info} thông tin",
                    "{files} file(s) — {error} error(s), {warning} warning(s), {info} info"),
    # beside the counts (the stderr summary, the --quiet verdict line), when not zero
    "count.waived": ("{count} được miễn", "{count} waived"),
    "count.baselined": ("{count} đã có trong baseline", "{count} in the baseline"),
    # the kind of provincial-level unit an owner's name gives (ARCH-021: "thuộc tỉnh Nghệ An", "thuộc thành phố Huế")
    "unit.province": ("tỉnh", "the province of"),
    "unit.city": ("thành phố", "the city of"),
    # after a document's --quiet verdict line, when it fails but does not fail the run (the exit code says so)
    "brief.not_failing.baseline": (
        "mọi phát hiện làm hồ sơ không đạt đã có trong baseline {file}: không làm lần kiểm tra thất bại",
        "every finding that fails it is in the baseline {file}: it does not fail the run"),
    "brief.not_failing.never": ("--fail-on never: không làm lần kiểm tra thất bại", "--fail-on never: it does not fail the run"),
    # --- configuration files (config.py) and rule selection (selection.py) ---
    "config.both": ("--config và --no-config không dùng cùng nhau", "--config and --no-config cannot be used together"),
    "config.not_found": ("--config: không tìm thấy tệp cấu hình", "--config: the configuration file does not exist"),
    "config.toml_syntax": ("TOML không hợp lệ ở vị trí này (xem lại dấu ngoặc, dấu nháy và dấu '=')",
                           "invalid TOML at this place (check brackets, quotes and '=')"),
    "config.input_problem": ("cấu hình '{key}': khoá lặp lại hoặc cú pháp YAML không dùng được trong tệp cấu hình",
                             "configuration '{key}': a repeated key or YAML syntax a configuration cannot use"),
    "config.unknown_key": ("cấu hình không có khoá '{key}'{hint} (có: {known})",
                           "there is no configuration key '{key}'{hint} (known: {known})"),
    "config.invalid": ("cấu hình '{key}': {problem}", "configuration '{key}': {problem}"),
    "config.operator_only": (
        "'{key}' chỉ được đặt trong tệp cấu hình do người chạy chỉ định bằng --config (hoặc trên dòng lệnh): tệp tìm "
        "thấy trong thư mục đang kiểm tra thuộc về bên được đánh giá, nên không được chọn căn cứ đánh giá, quy tắc được "
        "đánh giá hay ngưỡng thất bại; dùng --config TỆP nếu đây là cấu hình của bạn, hoặc --no-config",
        "'{key}' may be set only in a configuration file the operator names with --config (or on the command line): a "
        "file found in the folder being checked belongs to the party being judged, so it may not choose what the plan "
        "is judged against, which rules run or what fails it; use --config FILE if this configuration is yours, or --no-config",
    ),
    "config.operator_only_output": (
        "'format: {entry}': chỉ tệp cấu hình do người chạy chỉ định bằng --config (hoặc dòng lệnh) mới được chọn tệp "
        "để ghi báo cáo: tệp tìm thấy trong thư mục đang kiểm tra thuộc về bên được đánh giá, nên không được chọn tệp "
        "nào của người chạy bị ghi đè; chỉ ghi định dạng (không kèm ':TỆP'), dùng --config TỆP nếu đây là cấu hình "
        "của bạn, hoặc --no-config",
        "'format: {entry}': only a configuration file the operator names with --config (or the command line) may "
        "choose a file to write a report to: a file found in the folder being checked belongs to the party being "
        "judged, so it may not choose which of the operator's files is overwritten; give the format alone (without "
        "':FILE'), use --config FILE if this configuration is yours, or --no-config",
    ),
    "config.not_supported": ("cấu hình '{key}': phiên bản này chưa có tuỳ chọn tương ứng",
                             "configuration '{key}': this version has no such option yet"),
    "config.file": ("Tệp cấu hình: {file}", "Configuration file: {file}"),
    "config.none": ("không có (dùng giá trị mặc định)", "none (defaults in effect)"),
    "config.found_by": ("Cách tìm: {how}", "Found by: {how}"),
    "config.named": ("--config (do người chạy chỉ định)", "--config (named by the operator)"),
    "config.searched": ("tìm ngược lên từ thư mục hiện tại (thuộc thư mục đang kiểm tra)",
                        "searched upward from the current folder (belongs to the folder being checked)"),
    "config.source.cli": ("dòng lệnh", "command line"),
    "config.source.default": ("mặc định", "default"),
    "select.unknown": ("{option}: không có quy tắc, tiền tố mã hay lĩnh vực '{selector}'{hint} (xem: cqdt-check rules)",
                       "{option}: no rule, id prefix or area '{selector}'{hint} (see: cqdt-check rules)"),
    "select.input_rule": (
        "{option}: không thể tắt '{selector}': các quy tắc YAML-/SCHEMA- xác nhận tệp được đọc đúng như đã viết",
        "{option}: '{selector}' cannot be turned off: the YAML-/SCHEMA- rules establish that the file was read as written",
    ),
    "select.reason": ("không đánh giá: quy tắc bị tắt bởi {source}", "not evaluated: turned off by {source}"),
    "report.config": ("Cấu hình", "Configuration"),
    "report.config_how": ("{file} ({how})", "{file} ({how})"),
    "report.config_named": ("--config", "--config"),
    "report.config_searched": ("tìm thấy trong thư mục", "found in the folder"),
    "report.rules_off": ("Quy tắc không đánh giá", "Rules not evaluated"),
    "report.rules_off_note": (
        "{count} quy tắc bị tắt, không được đánh giá (không phải là đạt): {rules}",
        "{count} rules turned off and not evaluated (not passed): {rules}",
    ),
    "report.statistics": ("Thống kê theo quy tắc", "Counts per rule"),
    "opinion.conclusion.incomplete": (
        "Chưa đủ căn cứ kết luận {subject} phù hợp với {architecture}: các quy tắc {rules} đã bị tắt khi kiểm tra và "
        "không được đánh giá; cần kiểm tra lại với đầy đủ quy tắc.",
        "There are not enough grounds to conclude that {subject} conforms to {architecture}: the rules {rules} were "
        "turned off and not evaluated; check again with every rule.",
    ),
    "cli.unknown_architecture_id": ("không có kiến trúc '{ref}'{hint} (có: {known})", "there is no architecture '{ref}'{hint} (known: {known})"),
    # cqdt-check init: the questions (one per option --KEY), then its own words. The plan's comments are the schema's.
    "init.q.kind": ("Loại hồ sơ: dự án đầu tư hay kế hoạch thuê dịch vụ CNTT", "Kind: an investment project or an IT-service rental plan"),
    "init.q.name": ("Tên dự án/kế hoạch (như trong hồ sơ)", "Name of the project or plan (as in the dossier)"),
    "init.q.architecture": ("Kiến trúc áp dụng", "Architecture"),
    "init.q.stage": ("Giai đoạn hồ sơ", "Stage of the dossier"),
    "init.q.submitted": ("Ngày trình thẩm định (YYYY-MM-DD)", "Date submitted for appraisal (YYYY-MM-DD)"),
    "init.q.owner": ("Cơ quan chủ đầu tư/chủ quản", "Owner agency"),
    "init.q.owner-level": ("Cấp chính quyền của chủ đầu tư", "Government level of the owner"),
    "init.q.owner-type": ("Loại đơn vị chủ đầu tư", "Type of the owner"),
    "init.q.funding": ("Nguồn vốn", "Source of funds"),
    "init.q.total-vnd": ("Tổng mức đầu tư/dự toán thuê (đồng)", "Total investment or rental budget (VND)"),
    "init.q.components": ("Thành phần Kiến trúc dự án triển khai (mã, cách nhau bởi dấu phẩy; xem cqdt-check architecture)",
                          "Architecture components the plan implements (ids, comma-separated; see cqdt-check architecture)"),
    "init.q.rental-availability": ("Dịch vụ thuê sẵn có hay xây theo yêu cầu", "Is the rented service off the shelf or bespoke"),
    "init.q.rental-purpose": ("Mục đích thuê", "Purpose of the rental"),
    "init.q.systems": ("Số hệ thống thông tin", "Number of information systems"),
    "init.q.system-id": ("Mã hệ thống (chữ không dấu, số, '-')", "System id (letters, digits, '-')"),
    "init.q.system-name": ("Tên hệ thống", "System name"),
    "init.q.existing": ("Hệ thống đã có, kế hoạch nâng cấp/mở rộng", "An existing system being upgraded or extended"),
    "init.q.component": ("Thành phần/nền tảng Kiến trúc mà hệ thống triển khai (mã)", "Architecture component or platform it implements (id)"),
    "init.q.system-type": ("Loại hệ thống", "System type"),
    "init.q.handles-tthc": ("Hệ thống giải quyết thủ tục hành chính", "Does it handle administrative procedures"),
    "init.q.online-services": ("Mức dịch vụ công trực tuyến", "Level of online public services"),
    "init.q.scope": ("Phạm vi hệ thống", "Scope of the system"),
    "init.q.state-secret": ("Bí mật nhà nước hệ thống xử lý", "State secrets it handles"),
    "init.q.basic-subjects": ("Số người có dữ liệu cá nhân cơ bản trong hệ thống", "People whose basic personal data it holds"),
    "init.q.sensitive-subjects": ("Số người có dữ liệu cá nhân nhạy cảm trong hệ thống", "People whose sensitive personal data it holds"),
    "init.q.availability": ("Yêu cầu vận hành", "Operating hours"),
    "init.q.security-level": ("Cấp độ an toàn thông tin đề xuất (1–5)", "Proposed information-security level (1–5)"),
    "init.q.hosting": ("Nơi đặt hệ thống", "Hosting"),
    "init.q.location": ("Quốc gia đặt dữ liệu (mã 2 chữ, ví dụ VN)", "Country where the data is kept (two letters, e.g. VN)"),
    "init.q.ipv6": ("IPv6", "IPv6"),
    "init.q.mtslcd": ("Kết nối qua Mạng truyền số liệu chuyên dùng", "Connected over the government data network (MTSLCD)"),
    "init.q.internet-facing": ("Truy cập từ Internet", "Reachable from the Internet"),
    "init.q.citizen-login": ("Người dân đăng nhập bằng", "How citizens log in"),
    "init.q.integrations": ("Kết nối với (mã hệ thống/nền tảng/CSDL, cách nhau bởi dấu phẩy)",
                            "Connects to (ids of systems, platforms, databases; comma-separated)"),
    "init.q.provides": ("Tập dữ liệu hệ thống cung cấp (tên, cách nhau bởi dấu phẩy)", "Datasets the plan provides (names, comma-separated)"),
    "init.q.consumes": ("Tập dữ liệu khai thác từ nơi khác (tên, cách nhau bởi dấu phẩy)", "Datasets it consumes from elsewhere (names, comma-separated)"),
    "init.placeholder.name": ("[Tên dự án/kế hoạch — cần sửa]", "[Name of the project or plan — to be filled in]"),
    "init.placeholder.owner": ("[Tên cơ quan chủ đầu tư — cần sửa]", "[Owner agency — to be filled in]"),
    "init.placeholder.system": ("[Tên hệ thống {number} — cần sửa]", "[Name of system {number} — to be filled in]"),
    "init.intro": (
        ("Tạo kế hoạch cqdt-plan/1. Enter nhận giá trị trong [ ]; '-' để trống (chưa khai báo). Mọi câu hỏi đều có tuỳ chọn "
        "tương ứng (cqdt-check init --help)."),
        ("Creating a cqdt-plan/1 plan. Enter takes the value in [ ]; '-' leaves it empty (not declared). Every question has "
        "an option (cqdt-check init --help)."),
    ),
    "init.system_heading": ("— Hệ thống {number} —", "— System {number} —"),
    "init.none": ("chưa khai báo", "not declared"),
    "init.todo": ("CẦN KHAI BÁO —", "TO DECLARE —"),
    "init.header": (
        ("Kế hoạch tạo bằng cqdt-check init ngày {date}. Sửa các chỗ trong [ ] và thay các giá trị null bằng thông tin của "
        "hồ sơ, rồi kiểm tra: cqdt-check TỆP. Chú thích bên cạnh mỗi trường là mô tả trong schema; tạo schema cho trình "
        "soạn thảo bằng: cqdt-check schema > plan.schema.json. Danh sách mã thành phần, nền tảng: cqdt-check architecture."),
        ("Plan made by cqdt-check init on {date}. Replace the [ ] and the nulls with the dossier's facts, then check: "
        "cqdt-check FILE. The comment beside each field is the schema's description; make the editor schema with: "
        "cqdt-check schema > plan.schema.json. Component and platform ids: cqdt-check architecture."),
    ),
    "init.bad_bool": ("'{value}' không phải có/không (y/n)", "'{value}' is not yes/no (y/n)"),
    "init.bad_pattern": ("'{value}' không đúng dạng {pattern}", "'{value}' does not match {pattern}"),
    "init.unknown_id": ("Kiến trúc không có mã '{value}'{hint} (xem: cqdt-check architecture)",
                        "the architecture has no id '{value}'{hint} (see: cqdt-check architecture)"),
    "init.eof": ("đầu vào kết thúc trước khi trả lời hết câu hỏi; dùng --no-input để nhận giá trị mặc định",
                 "input ended before every question was answered; use --no-input to take the defaults"),
    "init.exists": ("{file}: tệp đã có; dùng --force để ghi đè", "{file}: the file exists; use --force to overwrite it"),
    "init.cannot_write": ("{file}: không ghi được tệp: {reason}", "{file}: cannot write the file: {reason}"),
    "init.written": ("Đã ghi {file}. Bước tiếp theo: cqdt-check {file} — các phát hiện cho biết cần khai báo gì thêm.",
                     "Wrote {file}. Next: cqdt-check {file} — the findings say what is still to be declared."),
    # cqdt-check architecture.
    "arch.used_in": (
        ("Dùng trong kế hoạch: thành phần → alignment.components, systems[].component; nền tảng, hệ thống, CSDL → "
        "systems[].component, integrations[].target, datasets[].master_source; nhiệm vụ → alignment.roadmap_tasks."),
        ("Used in a plan: components → alignment.components, systems[].component; platforms, systems, databases → "
        "systems[].component, integrations[].target, datasets[].master_source; tasks → alignment.roadmap_tasks."),
    ),
    "arch.group.component": ("Thành phần chính (sơ đồ tổng thể)", "Main components (overview diagram)"),
    "arch.group.provincial_platform": ("Nền tảng cấp tỉnh", "Provincial platforms"),
    "arch.group.provincial_system": ("Hệ thống cấp tỉnh", "Provincial systems"),
    "arch.group.provincial_infrastructure": ("Hạ tầng cấp tỉnh", "Provincial infrastructure"),
    "arch.group.network": ("Mạng", "Networks"),
    "arch.group.national_platform": ("Nền tảng quốc gia", "National platforms"),
    "arch.group.national_system": ("Hệ thống quốc gia", "National systems"),
    "arch.group.national_database": ("Cơ sở dữ liệu quốc gia", "National databases"),
    "arch.group.roadmap_task": ("Nhiệm vụ trọng tâm (số thứ tự)", "Priority tasks (numbers)"),
    "arch.col.id": ("Mã", "Id"),
    "arch.col.name": ("Tên", "Name"),
    "arch.col.source": ("Nguồn trong quyết định", "Where in the decision"),
    "arch.part_of": ("thuộc: {component}", "part of: {component}"),
    # Input problems that are findings (area: schema).
    "duplicate_key": (
        "khoá '{key}' bị lặp (lần đầu ở dòng {first_line}, lặp lại ở dòng {line}); giá trị lặp không được dùng — hãy giữ một khoá",
        "key '{key}' is duplicated (first at line {first_line}, again at line {line}); the repeat is not used — keep one",
    ),
    "non_string_key": (
        "khoá '{key}' không phải chuỗi; hãy đặt trong ngoặc kép",
        "key '{key}' is not a string; quote it",
    ),
    "complex_key": ("khoá phức hợp (bảng hoặc danh sách làm khoá) không được hỗ trợ", "complex keys are not supported"),
    "merge_key": (
        "khoá gộp '<<' không được hỗ trợ trong kế hoạch; hãy viết đầy đủ các khoá",
        "merge keys '<<' are not supported in plans; write the keys out",
    ),
    "alias": (
        "alias *{alias} lặp lại nội dung từ nơi khác; hãy viết trực tiếp để mỗi thông tin đứng đúng chỗ của nó",
        "alias *{alias} repeats content from elsewhere; write it out so each fact stands where it applies",
    ),
    "tag": (
        "thẻ YAML '{tag}' không được chấp nhận (chỉ dùng giá trị thuần); nội dung được giữ nguyên dạng chuỗi",
        "YAML tag '{tag}' is not accepted (plain values only); the content is kept as a string",
    ),
    "non_finite": (
        "giá trị '{value}' không phải số hữu hạn",
        "'{value}' is not a finite number",
    ),
    # Schema errors (jsonschema keyword → message).
    "schema.required": ("thiếu trường bắt buộc '{field}'", "required field '{field}' is missing"),
    "schema.additional": (
        "trường '{field}' không có trong định dạng {format}{hint}",
        "field '{field}' is not part of the {format} format{hint}",
    ),
    "schema.hint": (" — có phải ý bạn là '{suggestion}'?", " — did you mean '{suggestion}'?"),
    "schema.type": ("phải là {expected}, nhưng đang là {actual} ({value})", "must be {expected}, but is {actual} ({value})"),
    "schema.yaml11_bool": (
        "phải là true hoặc false; '{value}' được đọc là chuỗi (YAML 1.2 không coi yes/no/on/off là giá trị đúng/sai)",
        "must be true or false; '{value}' reads as a string (YAML 1.2 does not treat yes/no/on/off as booleans)",
    ),
    "schema.enum": ("giá trị '{value}' không hợp lệ; chỉ nhận: {allowed}{hint}", "'{value}' is not allowed; expected one of: {allowed}{hint}"),
    "schema.const": ("phải là '{expected}'", "must be '{expected}'"),
    "schema.minimum": ("phải ≥ {limit} (đang là {value})", "must be ≥ {limit} (is {value})"),
    "schema.maximum": ("phải ≤ {limit} (đang là {value})", "must be ≤ {limit} (is {value})"),
    "schema.minLength": ("không được để trống", "must not be empty"),
    "schema.minItems": ("phải có ít nhất {limit} phần tử", "must have at least {limit} item(s)"),
    "schema.pattern": ("'{value}' không đúng dạng {what}", "'{value}' does not have the form of {what}"),
    "schema.format": ("'{value}' không phải ngày hợp lệ dạng YYYY-MM-DD", "'{value}' is not a valid YYYY-MM-DD date"),
    "schema.rental_missing": (
        "kế hoạch thuê dịch vụ (kind: service_rental) phải có mục 'rental'",
        "a service rental plan (kind: service_rental) must have a 'rental' section",
    ),
    "schema.rental_forbidden": (
        "mục 'rental' chỉ dùng khi kind là service_rental; dự án đầu tư không có mục này",
        "the 'rental' section is only for kind: service_rental; a project has none",
    ),
    "schema.other": ("không hợp lệ: {reason}", "invalid: {reason}"),
    "schema.duplicate_id": (
        "mã hệ thống '{value}' bị trùng (đã dùng ở systems[{first}])",
        "system id '{value}' is used twice (already at systems[{first}])",
    ),
    "type.string": ("chuỗi", "a string"),
    "type.integer": ("số nguyên", "an integer"),
    "type.number": ("số", "a number"),
    "type.boolean": ("true/false", "true/false"),
    "type.array": ("danh sách", "a list"),
    "type.object": ("bảng khoá–giá trị", "a mapping"),
    "type.null": ("null", "null"),
    "pattern.date": ("ngày YYYY-MM-DD", "a YYYY-MM-DD date"),
    "pattern.country": ("mã quốc gia 2 chữ in hoa (ví dụ VN)", "a two-letter upper-case country code (e.g. VN)"),
    "pattern.rule": ("mã quy tắc (ví dụ IPV6-002)", "a rule id (e.g. IPV6-002)"),
    "pattern.sha256": ("mã SHA-256 (64 ký tự 0-9, a-f)", "a SHA-256 hash (64 characters 0-9, a-f)"),
    "pattern.id": ("mã (chữ, số, '-', '_', '.')", "an id (letters, digits, '-', '_', '.')"),
    "schema.title": ("Lỗi định dạng", "Format error"),
    # Titles of the input rules (YAML-/SCHEMA-), as listed by SARIF, JUnit and HTML reports.
    "input.YAML-001": ("Khoá YAML bị lặp", "Duplicate YAML key"),
    "input.YAML-002": ("Khoá YAML không phải chuỗi", "Non-string YAML key"),
    "input.YAML-003": ("Khoá gộp YAML (<<)", "YAML merge key (<<)"),
    "input.YAML-004": ("Alias YAML", "YAML alias"),
    "input.YAML-005": ("Thẻ YAML (tag)", "YAML tag"),
    "input.YAML-006": ("Số vô hạn hoặc NaN", "Infinite or NaN number"),
    "input.SCHEMA-001": ("Không đúng định dạng kế hoạch", "Does not follow the plan format"),
    "input.SCHEMA-002": ("Mã hệ thống bị trùng", "Duplicate system id"),
    "input.SCHEMA-003": ("Ngày của hồ sơ ở tương lai", "A plan date in the future"),
    "input.SCHEMA-004": ("Ngày phê duyệt trước ngày trình", "Approved before it was submitted"),
    "input.YAML-007": ("Số nguyên quá dài", "Integer too long"),
    # Dates that cannot be true of a plan, and dates a plan cannot be judged on (the document is not checked).
    "date.future": (
        "{field} = {date} là ngày ở tương lai (hôm nay là {today}); ngày của hồ sơ quyết định văn bản pháp luật "
        "áp dụng nên phải là ngày đã xảy ra",
        "{field} = {date} is in the future (today is {today}); a plan's dates choose the law that applies, so they "
        "must have happened",
    ),
    "date.approved_before_submitted": (
        "dates.approved = {approved} trước dates.submitted = {submitted}: hồ sơ không thể được phê duyệt trước khi trình",
        "dates.approved = {approved} is before dates.submitted = {submitted}: a plan cannot be approved before it is "
        "submitted",
    ),
    "remedy.dates": (
        "Sửa ngày theo văn bản trình và quyết định phê duyệt thực tế; thẩm định viên nên chạy với --as-of là ngày thẩm định.",
        "Correct the dates from the actual submission and approval documents; appraisers should run with --as-of set "
        "to the appraisal date.",
    ),
    "date_before_architecture": (
        "ngày áp dụng {date} ({source}) trước ngày Kiến trúc {architecture} ({decision}) có hiệu lực ({effective}): "
        "không thể đánh giá hồ sơ theo kiến trúc này; kiểm tra lại ngày, hoặc chọn --architecture và --as-of phù hợp",
        "the governing date {date} ({source}) is before architecture {architecture} ({decision}) took effect "
        "({effective}): the plan cannot be judged against it; check the date, or choose --architecture and --as-of",
    ),
    "no_rule_in_force": (
        "không quy tắc nào của gói quy tắc có hiệu lực vào ngày {date} ({source}) với kiến trúc {architecture}: "
        "không kiểm tra được, hồ sơ không được coi là đạt",
        "no rule of the rule pack is in force on {date} ({source}) with architecture {architecture}: nothing could "
        "be checked, so the plan does not pass",
    ),
    "long_integer": (
        "số nguyên dài {digits} chữ số (tối đa {limit}): không phải một giá trị của kế hoạch; hãy kiểm tra lại",
        "an integer of {digits} digits (at most {limit}): not a value a plan holds; check it",
    ),
    "not_regular": (
        "không phải tệp thông thường (FIFO, thiết bị hoặc socket): không đọc",
        "not a regular file (a FIFO, device or socket): not read",
    ),
    "could_not_handle": (
        "không xử lý được tệp này (lỗi của công cụ: {reason}); các tệp khác vẫn được kiểm tra",
        "this file could not be handled (a fault of the tool: {reason}); the other files are still checked",
    ),
    "regime.transition": (
        "dates.investment_started = {date} trước {cutoff}: áp dụng chuyển tiếp {regime} ({basis})",
        "dates.investment_started = {date} is before {cutoff}: {regime} applies under the transition ({basis})",
    ),
    "regime.until": (" đến {until}", " until {until}"),
    "report.regime": ("Chế độ chuyển tiếp", "Transitional regime"),
    "report.operator_source": ("Tệp do người chạy chỉ định", "Operator-supplied file"),
    "opinion.operator_source": (
        "Hồ sơ được đối chiếu theo tệp do người thẩm định chỉ định thay cho bản có sẵn của công cụ: {file}.",
        "The plan was checked against a file the appraiser named instead of the tool's bundled one: {file}.",
    ),
    # Report headings added by the other formats (html, markdown, sarif, junit, github, opinion).
    # --- reporters: html / opinion ---
    "html.rule_pack": ("Gói quy tắc", "Rule pack"),
    "html.rule_count": ("{count} quy tắc", "{count} rules"),
    "html.col.error": ("Lỗi", "Errors"),
    "html.col.warning": ("Cảnh báo", "Warnings"),
    "html.col.info": ("Thông tin", "Info"),
    "html.findings": ("Phát hiện", "Findings"),
    "html.passed_rules": ("Quy tắc đạt ({count})", "Rules passed ({count})"),
    "html.not_applicable_rules": ("Quy tắc không áp dụng ({count})", "Rules not applicable ({count})"),
    "html.unverified_legend": ("* chưa đối chiếu văn bản gốc", "* not verified against the original"),
    "opinion.title": ("Dự thảo ý kiến về sự phù hợp với Kiến trúc Chính quyền điện tử",
                      "Draft opinion on conformity with the e-government architecture"),
    "opinion.parent_body": ("UBND TỈNH …", "PEOPLE'S COMMITTEE OF … PROVINCE"),
    "opinion.issuer": ("[SỞ KHOA HỌC VÀ CÔNG NGHỆ]", "[DEPARTMENT OF SCIENCE AND TECHNOLOGY]"),
    "opinion.issuer_name": ("[Sở Khoa học và Công nghệ]", "[The Department of Science and Technology]"),
    "opinion.national_gloss": ("", "Socialist Republic of Viet Nam"),
    "opinion.motto_gloss": ("", "Independence - Freedom - Happiness"),
    "opinion.number": ("Số: …/…", "No.: …/…"),
    "opinion.place_date": ("…, ngày … tháng … năm …", "…, day … month … year …"),
    "opinion.reference": ("V/v ý kiến về sự phù hợp với Kiến trúc Chính quyền điện tử của {subject}",
                          "Re: opinion on the conformity of {subject} with the e-government architecture"),
    "opinion.subject.project": ("dự án “{name}”", "the project “{name}”"),
    "opinion.subject.service_rental": ("kế hoạch thuê dịch vụ CNTT “{name}”", "the IT-service rental plan “{name}”"),
    "opinion.subject.other": ("“{name}”", "“{name}”"),
    "opinion.subject.unnamed": ("[tên kế hoạch/dự án]", "[name of the plan or project]"),
    "opinion.draft": ("DỰ THẢO", "DRAFT"),
    "opinion.draft_note": (
        "Văn bản do công cụ cqdt-check {version} tạo từ kết quả kiểm tra tự động. Người thẩm định xem xét, chỉnh sửa, "
        "điền các chỗ trong ngoặc vuông và dấu … trước khi trình ký; công cụ không ký và không thay thế ý kiến của cơ quan "
        "thẩm định.",
        "Generated by cqdt-check {version} from an automated check. The appraiser reviews and edits it and fills in the "
        "brackets and … before it is signed; the tool signs nothing and does not replace the appraising body's opinion.",
    ),
    "opinion.to": ("Kính gửi", "To"),
    "opinion.owner_placeholder": ("[Chủ đầu tư]", "[Project owner]"),
    "opinion.bases": ("Căn cứ", "Pursuant to"),
    "opinion.decision": ("Quyết định số {decision} ngày {date}{issuer} phê duyệt {title}",
                         "Decision No. {decision} of {date}{issuer} approving the {title}"),
    "opinion.decision_issuer": (" của {issuer}", " of the {issuer}"),
    "opinion.parent_body_of": ("UBND TỈNH {province}", "PEOPLE'S COMMITTEE OF {province} PROVINCE"),
    "opinion.unverified_note": (
        "(*) Văn bản chưa được đối chiếu với bản gốc: người thẩm định kiểm tra số, ngày ban hành và hiệu lực trước khi viện dẫn.",
        "(*) Not verified against the original text: the appraiser checks its number, date and validity before citing it.",
    ),
    "opinion.intro": (
        "{issuer} nhận được hồ sơ {subject} của {owner}. Hồ sơ đã được kiểm tra về sự phù hợp với "
        "{architecture} ({architecture_why}) theo các quy định có hiệu lực ngày {date} ({why}). Sau khi xem xét, "
        "{issuer} có ý kiến như sau:",
        "{issuer} has received the dossier of {subject} from {owner}. It was checked for conformity with "
        "{architecture} ({architecture_why}) under the rules in force on {date} ({why}). Having reviewed it, {issuer} "
        "gives the following opinion:",
    ),
    "opinion.intro_format": (
        "{issuer} nhận được hồ sơ {subject} của {owner} (tệp {file}). Tệp chưa đúng định dạng cqdt-plan/1 nên các quy tắc "
        "về sự phù hợp với {architecture} chưa được đánh giá. {issuer} có ý kiến như sau:",
        "{issuer} has received the dossier of {subject} from {owner} (file {file}). The file does not follow the "
        "cqdt-plan/1 format, so the rules on conformity with {architecture} were not evaluated. {issuer} gives the "
        "following opinion:",
    ),
    "opinion.intro_unchecked": ("{issuer} nhận được hồ sơ {subject} (tệp {file}).",
                                "{issuer} has received the dossier of {subject} (file {file})."),
    "opinion.the_owner": ("chủ đầu tư", "the owner"),
    "opinion.the_architecture": ("Kiến trúc Chính quyền điện tử của tỉnh", "the provincial e-government architecture"),
    "opinion.authority": (
        "[Văn bản quy định chức năng, nhiệm vụ, quyền hạn của cơ quan thẩm định: Quyết định số …/QĐ-UBND ngày … "
        "của Ủy ban nhân dân tỉnh]",
        "[The instrument setting the appraising body's functions and powers: Decision No. …/QĐ-UBND of … of the "
        "provincial People's Committee]",
    ),
    "opinion.requests.error": ("Nội dung đề nghị chủ đầu tư điều chỉnh, hoàn thiện",
                               "Points the owner is requested to amend"),
    "opinion.requests.warning": ("Nội dung đề nghị chủ đầu tư xem xét, làm rõ",
                                 "Points the owner is asked to review and clarify"),
    "opinion.requests.none": ("Nội dung đề nghị chủ đầu tư hoàn thiện", "Points to amend"),
    "opinion.request.error": ("Điều chỉnh hồ sơ{scope} để bảo đảm yêu cầu: {requirement}.",
                              "Amend the dossier{scope} so that it meets the requirement: {requirement}."),
    "opinion.request.warning": ("Xem xét, làm rõ{scope}: {requirement}.",
                                "Review and clarify{scope}: {requirement}."),
    "opinion.request.info": ("{requirement}{scope}.", "{requirement}{scope}."),
    "opinion.group.error": ("Về {topic}, điều chỉnh hồ sơ để bảo đảm các yêu cầu sau:",
                            "On {topic}, amend the plan to meet the following requirements:"),
    "opinion.group.warning": ("Về {topic}, đề nghị xem xét, làm rõ:", "On {topic}, please consider and clarify:"),
    "opinion.group.info": ("Về {topic}:", "On {topic}:"),
    "opinion.clause_label": ("{letter})", "({letter})"),
    "opinion.clause": ("{requirement}.", "{requirement}."),
    "opinion.clause_scoped": ("đối với {subjects}: {requirement}.", "For {subjects}: {requirement}."),
    "opinion.granted_by": ("Chấp thuận tại văn bản số {number} ngày {date} ({who}): {justification}{expires}.",
                           "Granted by document No. {number} of {date} ({who}): {justification}{expires}."),
    "opinion.scope": (" đối với {subjects}", " for {subjects}"),
    "opinion.and": (" và ", " and "),
    "opinion.cites": ("Căn cứ: {cites}.", "Basis: {cites}."),
    "opinion.article_of": ("{article} của {instrument}", "{article} of {instrument}"),
    "opinion.no_requests": ("Không có nội dung nào phải hoàn thiện theo các quy tắc đã kiểm tra.",
                            "Nothing needs to be completed under the rules checked."),
    "opinion.notes": ("Lưu ý", "Notes"),
    "opinion.deviation": ("Chủ đầu tư đề nghị chấp nhận sai lệch{scope}: “{reason}”.",
                          "The owner requests a deviation{scope}: “{reason}”."),
    "opinion.decision_pending": ("[Ý kiến của cơ quan thẩm định: chấp thuận / không chấp thuận, nêu lý do]",
                                 "[The appraising body's decision: granted / refused, with reasons]"),
    "opinion.waived": ("Sai lệch được chấp thuận", "Deviations granted"),
    "opinion.waived_item": ("Chấp thuận sai lệch{scope}, so với yêu cầu: {requirement}.",
                            "The deviation{scope} from this requirement is granted: {requirement}."),
    "opinion.annex.title": ("PHỤ LỤC", "ANNEX"),
    "opinion.annex.subtitle": ("Chi tiết kỹ thuật các nội dung nêu tại văn bản", "Technical details of the points above"),
    "opinion.annex.intro": (
        "Dành cho đơn vị lập hồ sơ: mã quy tắc của công cụ cqdt-check, vị trí trong tệp kế hoạch {file} và nội dung "
        "phát hiện; cột “Mục” ghi số thứ tự nội dung tương ứng trong văn bản.",
        "For the plan's authors: the cqdt-check rule, the place in the plan file {file} and the finding; the “Item” "
        "column gives the number of the matching point in the letter.",
    ),
    "opinion.annex.item": ("Mục", "Item"),
    "opinion.annex.line": ("dòng {line}", "line {line}"),
    "opinion.decision_short": ("Quyết định số {decision}", "Decision No. {decision}"),
    "opinion.conclusion": ("Kết luận", "Conclusion"),
    "opinion.conclusion.pass": (
        "Hồ sơ {subject} đạt yêu cầu về sự phù hợp với {architecture} (trong phạm vi các nội dung đã kiểm tra).",
        "The dossier of {subject} conforms to {architecture} (within the scope of what was checked).",
    ),
    "opinion.conclusion.pass_with_warnings": ("Đề nghị chủ đầu tư tiếp thu các nội dung khuyến nghị nêu trên.",
                                              "The owner is asked to take the recommendations above into account."),
    "opinion.conclusion.fail": (
        "Hồ sơ {subject} chưa đạt yêu cầu về sự phù hợp với {architecture}, đề nghị hoàn thiện hồ sơ theo các nội dung nêu trên.",
        "The dossier of {subject} does not yet conform to {architecture}; the owner is requested to complete it as set out above.",
    ),
    "opinion.conclusion.not_checked": (
        "Công cụ cqdt-check không kiểm tra được tệp {place}: {reason}. Chưa đủ cơ sở để có ý kiến về sự phù hợp với "
        "Kiến trúc; đề nghị chủ đầu tư gửi lại hồ sơ đúng định dạng cqdt-plan/1 để kiểm tra.",
        "cqdt-check could not check the file {place}: {reason}. There is no basis yet for an opinion on conformity with the "
        "architecture; the owner is requested to resubmit the dossier in the cqdt-plan/1 format.",
    ),
    "opinion.recipients": ("Nơi nhận", "Recipients"),
    "opinion.recipient.above": ("Như trên;", "As above;"),
    "opinion.recipient.archive": ("Lưu: VT, … .", "Archived: VT (records), … ."),
    "opinion.signature.for": ("KT. GIÁM ĐỐC", "FOR THE DIRECTOR"),
    "opinion.signature.title": ("PHÓ GIÁM ĐỐC", "DEPUTY DIRECTOR"),
    "opinion.signature.sign": ("[Ký, đóng dấu]", "[Signature and seal]"),
    "opinion.signature.name": ("[Họ và tên]", "[Full name]"),
    # --- reporters: markdown / sarif / junit / github ---
    "report.severity": ("Mức độ", "Severity"),
    "report.rule": ("Quy tắc", "Rule"),
    "report.place": ("Vị trí", "Place"),
    "report.message": ("Nội dung", "Message"),
    "report.path": ("Đường dẫn", "Path"),
    "report.severity_counts": ("{error} lỗi, {warning} cảnh báo, {info} thông tin", "{error} errors, {warning} warnings, {info} info"),
    "status.waived": ("được miễn", "waived"),
    "deviation.granted": ("Sai lệch đã được chấp thuận", "Deviation granted"),
    "deviation.requested": ("Đề nghị chấp nhận sai lệch của chủ đầu tư", "Deviation requested by the owner"),
    "report.below_fail_on": (
        "Phát hiện dưới ngưỡng --fail-on {fail_on}, không làm lần kiểm tra thất bại:",
        "Findings below --fail-on {fail_on}; they do not fail the run:",
    ),
    "report.more_findings": ("và {count} phát hiện khác", "and {count} more"),
    "report.omitted": (
        ("… và {count} phát hiện khác của {rule} không liệt kê ở đây (mỗi quy tắc liệt kê tối đa {limit} lần trong một "
         "tệp; số đếm ở phần tổng hợp đã tính đủ; báo cáo JSON và SARIF liệt kê tất cả)"),
        ("… and {count} more findings of {rule} not listed here (at most {limit} per rule in a file; the summary counts "
         "them all; the JSON and SARIF reports list every one)"),
    ),
    "report.rule_not_run": ("quy tắc không được đánh giá cho tệp này", "the rule was not evaluated for this file"),
    "report.annotation_limit": (
        "GitHub chỉ hiển thị {limit} chú thích mỗi loại trong một bước; xem báo cáo SARIF hoặc Markdown để có đủ",
        "GitHub shows only {limit} annotations of each kind per step; see the SARIF or Markdown report for all of them",
    ),
    # Engine.
    "subject.system": ("Hệ thống '{system}'", "System '{system}'"),
    "subject.integration": ("kết nối giữa {system} và {target}", "the connection from {system} to {target}"),
    "subject.dataset": ("tập dữ liệu “{name}”", "the dataset “{name}”"),
    "subject.instrument": ("căn cứ “{name}”", "the cited instrument “{name}”"),
    "remedy.input": (
        "Sửa tệp YAML tại vị trí đã nêu để mỗi thông tin được viết đúng một lần, dạng giá trị thuần.",
        "Fix the YAML at the place given so that each fact is written once, as a plain value.",
    ),
    "rationale.input": (
        "Khi YAML viết một thông tin hai lần, ngầm đổi kiểu hoặc mở rộng ngầm, người thẩm định và công cụ có thể đọc ra "
        "những sự thật khác nhau; mỗi thông tin trong hồ sơ phải được viết một lần, rõ ràng.",
        "When YAML writes a fact twice, changes its type or expands it implicitly, appraisers and tools can read different "
        "facts; each fact in a plan must be written once, plainly.",
    ),
    "rationale.schema": (
        "Các quy tắc chỉ đánh giá được hồ sơ theo đúng định dạng cqdt-plan/1; trường sai hoặc thiếu làm kết quả không đáng tin.",
        "Rules can only judge a plan written in the cqdt-plan/1 format; a wrong or missing field makes the result unreliable.",
    ),
    "remedy.schema": (
        "Sửa trường tại vị trí đã nêu theo định dạng cqdt-plan/1 (xem schemas/plan.schema.json hoặc cqdt-check schema).",
        "Fix the field at the place given to match cqdt-plan/1 (see schemas/plan.schema.json or cqdt-check schema).",
    ),
    "not_declared": ("chưa khai báo {field}", "{field} is not declared"),
    "na.kind": ("không áp dụng cho loại hồ sơ {value}", "does not apply to plans of kind {value}"),
    "na.when": ("không áp dụng: {field}: {value}", "not applicable: {field}: {value}"),
    "na.window": (
        "không áp dụng vào ngày {date}: quy tắc có hiệu lực {window}",
        "not applicable on {date}: the rule is in force {window}",
    ),
    "na.architecture": (
        "không áp dụng: kiến trúc {architecture} không có {element}",
        "not applicable: architecture {architecture} has no {element}",
    ),
    "clauses.no_links": (
        "{concepts} (kế hoạch không khai báo kết nối nào của hệ thống và không có tập dữ liệu chia sẻ nào)",
        "{concepts} (the plan declares no integration of any system and no shared dataset)",
    ),
    "na.no_national_framework": (
        "không áp dụng: lớp quốc gia không ghi khung kiến trúc quốc gia nào áp dụng ngày {day}",
        "not applicable: the national layer records no national architecture framework in force on {day}",
    ),
    "na.other_province": (
        "không áp dụng: căn cứ của quy tắc là văn bản của tỉnh {province}, không áp dụng với kiến trúc {architecture}",
        "not applicable: the rule rests on letters of {province} province, which do not apply under architecture {architecture}",
    ),
    "na.copy_by_design": (
        "không áp dụng: {system} là {component}, giữ bản sao đồng bộ của dữ liệu nguồn cấp tỉnh theo thiết kế "
        "(Kiến trúc, Phụ lục III nhiệm vụ 7); bản sao dữ liệu của CSDL quốc gia vẫn bị kiểm tra",
        "not applicable: {system} is the {component}, which keeps synchronised copies of provincial sources by design "
        "(architecture, Annex III task 7); copies of national databases are still checked",
    ),
    "copy.another_source": ("nguồn khác", "another source"),
    "na.platform_itself": ("{component}: chính là nền tảng kết nối", "{component}: the platform itself"),
    "na.target_kind": ("{target} không thuộc loại {kinds}", "{target} is not of kind {kinds}"),
    "na.target_excluded": ("{target}: được loại trừ khỏi quy tắc này", "{target}: excluded from this rule"),
    "na.no_level_criteria": (
        "không có quy định về tiêu chí xác định cấp độ có hiệu lực vào ngày này",
        "no criteria for determining the level are in force on this date",
    ),
    "na.basis_scope": (
        "không áp dụng: {instrument} không áp dụng ở đây ({field}: {value}): {reason}",
        "not applicable: {instrument} does not apply here ({field}: {value}): {reason}",
    ),
    "na.no_targets": ("không áp dụng: kế hoạch không có {what}", "not applicable: the plan has no {what}"),
    "window.from": ("từ {start}", "from {start}"),
    "window.to": ("đến {end}", "until {end}"),
    "window.between": ("từ {start} đến {end}", "from {start} to {end}"),
    "deviation": ("Chủ đầu tư đề nghị chấp nhận sai lệch: {reason}", "The owner requests a deviation: {reason}"),
    "unknown_architecture": (
        "không có kiến trúc '{ref}'; các kiến trúc có sẵn: {known}",
        "no architecture '{ref}'; bundled: {known}",
    ),
    # Report headings.
    "report.title": ("Báo cáo kiểm tra sự phù hợp với Kiến trúc Chính quyền điện tử",
                     "Conformity report against the e-government architecture"),
    "report.plan": ("Kế hoạch", "Plan"),
    "report.file": ("Tệp", "File"),
    "report.kind": ("Loại hồ sơ", "Kind"),
    "report.owner": ("Chủ đầu tư", "Owner"),
    "report.architecture": ("Kiến trúc", "Architecture"),
    "report.national_framework": ("Khung kiến trúc quốc gia", "National framework"),
    "report.national_framework_value": ("{title} ({decision} ngày {date})", "{title} ({decision} of {date})"),
    "report.national_framework_binding": ("{title} ({decision} ngày {date}); áp dụng cùng kiến trúc tỉnh, ưu tiên khi mâu thuẫn",
                                          "{title} ({decision} of {date}); applied with the provincial architecture, prevails on conflict"),
    "report.national_citation": ("Quyết định số {decision} ngày {date} của {issuer} ban hành {title}",
                                 "Decision No. {decision} of {date} of {issuer} issuing the {title}"),
    "report.decision_of": ("{decision} ngày {date}", "{decision} of {date}"),
    "report.as_of": ("Ngày áp dụng quy định", "Rules in force on"),
    "report.instruments": ("Văn bản áp dụng", "Instruments applied"),
    "report.unverified": ("chưa đối chiếu văn bản gốc", "not verified against the original"),
    "report.basis": ("Căn cứ", "Basis"),
    "report.remediation": ("Khắc phục", "Fix"),
    "report.summary": ("Tổng kết", "Summary"),
    "report.verdict": ("Kết luận", "Verdict"),
    "report.counts": (
        "{error} lỗi, {warning} cảnh báo, {info} thông tin; {passed} kiểm tra đạt, {not_applicable} không áp dụng, {waived} được miễn",
        "{error} errors, {warning} warnings, {info} info; {passed} checks passed, {not_applicable} not applicable, {waived} waived",
    ),
    "report.no_findings": ("Không có phát hiện nào.", "No findings."),
    "report.not_evaluated": (
        "Các quy tắc chưa được đánh giá vì tệp chưa đúng định dạng; hãy sửa các lỗi trên rồi kiểm tra lại.",
        "The rules were not evaluated because the file does not match the format; fix the problems above and check again.",
    ),
    "report.could_not_check": ("Không kiểm tra được", "Could not be checked"),
    "report.files": ("Tổng hợp theo tệp", "Per-file summary"),
    "report.total": ("{count} tệp: {passed} đạt, {failed} không đạt, {errors} không kiểm tra được",
                     "{count} files: {passed} pass, {failed} fail, {errors} could not be checked"),
    "verdict.pass": ("ĐẠT", "PASS"),
    "verdict.fail": ("KHÔNG ĐẠT", "FAIL"),
    "verdict.error": ("KHÔNG KIỂM TRA ĐƯỢC", "NOT CHECKED"),
    "severity.error": ("LỖI", "ERROR"),
    "severity.warning": ("CẢNH BÁO", "WARNING"),
    "severity.info": ("THÔNG TIN", "INFO"),
    "kind.project": ("Dự án đầu tư", "Investment project"),
    "kind.service_rental": ("Kế hoạch thuê dịch vụ CNTT", "IT-service rental plan"),
    "report.architecture_source": ("Nguồn kiến trúc", "Architecture source"),
    "architecture_source.option": ("theo --architecture", "from --architecture"),
    "architecture_source.plan": ("theo trường architecture: của hồ sơ", "from the plan's architecture: field"),
    "architecture_source.default": ("mặc định, vì hồ sơ không ghi kiến trúc", "the default: the plan names none"),
    "as_of.option": ("theo --as-of", "from --as-of"),
    "as_of.approved": ("ngày phê duyệt", "approval date"),
    "as_of.submitted": ("ngày trình", "submission date"),
    "as_of.today": ("hôm nay, vì hồ sơ không ghi ngày", "today: the plan states no date"),
    "area.connectivity": ("Kết nối, liên thông (LGSP/NDXP)", "Connectivity (LGSP/NDXP)"),
    "area.ipv6": ("IPv6", "IPv6"),
    "area.security": ("An toàn thông tin, cấp độ", "Information security level"),
    "area.data_sharing": ("Chia sẻ dữ liệu", "Data sharing"),
    "area.rental": ("Thuê dịch vụ CNTT", "IT-service rental"),
    "area.architecture": ("Phù hợp Kiến trúc", "Architecture conformance"),
    "area.legal": ("Căn cứ pháp lý", "Legal basis"),
    "area.schema": ("Định dạng tệp", "File format"),
    "deviation.note": ("Đề nghị chấp nhận sai lệch của chủ đầu tư (chưa được chấp thuận)", "Deviation requested by the owner (not granted)"),
    # The appraiser's decisions (--decisions, cqdt-decisions/1).
    "decisions.unknown_rule": (
        "không có quy tắc '{rule}' trong gói quy tắc{hint} (xem: cqdt-check rules; lỗi định dạng tệp không được miễn)",
        "there is no rule '{rule}' in the rule pack{hint} (see: cqdt-check rules; format errors cannot be waived)",
    ),
    "decision.granted": ("Cơ quan thẩm định chấp thuận sai lệch (được miễn)", "Deviation granted by the appraising body (waived)"),
    "decision.refused": ("Cơ quan thẩm định không chấp thuận sai lệch", "Deviation refused by the appraising body"),
    "decision.expired": (
        "Quyết định chấp thuận đã hết hạn, không còn áp dụng",
        "The decision granting a deviation has expired and no longer applies",
    ),
    "decision.text": ("{justification} — văn bản số {number} ngày {date} ({who})",
                      "{justification} — document {number} of {date} ({who})"),
    "decision.expires": ("; có hiệu lực đến hết ngày {date}", "; in force until {date}"),
    "decision.expired_on": ("; đã hết hạn ngày {date}", "; expired on {date}"),
    "decision.every_place": ("mọi vị trí", "every place"),
    "decision.stale_title": ("Quyết định không khớp phát hiện nào (cần rà soát)", "Decisions that matched no finding (to review)"),
    "decision.stale.no_finding": (
        "{rule} cho kế hoạch “{plan}” tại {path}: không còn phát hiện nào khớp (đã khắc phục hoặc vị trí đã đổi)",
        "{rule} for plan “{plan}” at {path}: no finding matches any more (fixed, or the path moved)",
    ),
    "decision.stale.no_plan": (
        "{rule} cho kế hoạch “{plan}” tại {path}: không có kế hoạch nào được kiểm tra mang tên này",
        "{rule} for plan “{plan}” at {path}: no plan checked in this run has this name",
    ),
    "decision.stale.hash_mismatch": (
        "{rule} cho kế hoạch “{plan}” tại {path}: tệp kế hoạch đã thay đổi so với mã sha256 của quyết định, nên quyết định không áp dụng",
        "{rule} for plan “{plan}” at {path}: the plan file has changed since the decision's sha256, so the decision does not apply",
    ),
    "baseline.mark": ("đã có trong baseline", "in the baseline"),
    "baseline.note": (
        "{count} phát hiện đã có trong baseline {file}: vẫn liệt kê nhưng không làm lần kiểm tra thất bại",
        "{count} findings are in the baseline {file}: listed, but they do not fail the run",
    ),
    "baseline.unreadable": (
        "--baseline {file}: không đọc được báo cáo JSON của cqdt-check ({reason})",
        "--baseline {file}: not a readable cqdt-check JSON report ({reason})",
    ),
    # cqdt-check compare OLD NEW.
    "compare.old_side": ("Bản cũ được đánh giá theo", "Old revision judged with"),
    "compare.new_side": ("Bản mới được đánh giá theo", "New revision judged with"),
    "compare.judged": ("quy định có hiệu lực ngày {date} ({date_source}); kiến trúc {architecture} ({architecture_source})",
                       "the rules in force on {date} ({date_source}); architecture {architecture} ({architecture_source})"),
    "compare.not_stated": ("báo cáo cũ không ghi", "not stated by the old report"),
    "compare.note": ("Lưu ý", "Note"),
    "compare.dates_differ": (
        "hai bản được đánh giá theo quy định có hiệu lực ở hai ngày khác nhau ({old} và {new}), nên một phát hiện mới "
        "có thể do quy định thay đổi giữa hai ngày chứ không do hồ sơ thay đổi",
        "the two revisions were judged under the rules in force on different dates ({old} and {new}), so a new "
        "finding may come from a change in the law between the two dates, not from a change in the plan"),
    "compare.title": ("So sánh hai lần trình: {old} → {new}", "Two revisions compared: {old} → {new}"),
    "compare.resolved": ("Đã khắc phục ({count})", "Resolved ({count})"),
    "compare.new": ("Phát hiện mới ({count})", "New findings ({count})"),
    "compare.open": ("Còn tồn tại ({count})", "Still open ({count})"),
    "compare.changes": ("Thay đổi của kế hoạch ({count})", "Changes to the plan ({count})"),
    "compare.col.path": ("Trường", "Field"),
    "compare.col.old": ("Bản cũ", "Old"),
    "compare.col.new": ("Bản mới", "New"),
    "compare.none": ("không có", "none"),
    "compare.no_plan_data": (
        "bản cũ là báo cáo JSON, không có dữ liệu kế hoạch để so sánh",
        "the old side is a JSON report: there is no plan data to compare",
    ),
    "compare.one_document": (
        "báo cáo có {count} tài liệu; compare cần báo cáo của đúng một kế hoạch",
        "the report holds {count} documents; compare needs the report of exactly one plan",
    ),
    "compare.fails": (
        "Bản mới còn phát hiện từ mức --fail-on {fail_on} trở lên (mã thoát 1).",
        "The new revision still has findings at or above --fail-on {fail_on} (exit 1).",
    ),
    "compare.passes": (
        "Bản mới không còn phát hiện nào từ mức --fail-on {fail_on} trở lên.",
        "The new revision has no findings at or above --fail-on {fail_on}.",
    ),
}


def say(code: str, lang: str = "vi", **params: object) -> str:
    """The message for `code` in `lang`, with its parameters filled in. A parameter that has words of its own (an
    operating-system reason, a validator's refusal: anything with a `message(lang)` method) is shown in `lang` too."""
    vi, en = CATALOGUE[code]
    text = en if lang == "en" else vi
    if not params:
        return text
    shown = {k: _in_language(v, lang) for k, v in params.items()}
    return text.format(**shown)


def _in_language(value: object, lang: str) -> object:
    """A parameter with words of its own (it has a `message(lang)` method) in `lang`; any other value as it is."""
    message = getattr(value, "message", None)
    return message(lang) if callable(message) else value
