"""The tool's own words in Vietnamese and English: input problems, schema errors, report headings.

Rule messages live with the rules (rules/*.yaml); everything else a user reads is here, keyed by code.
"""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    # Files that cannot be checked (exit 2).
    "not_found": ("không tìm thấy tệp", "file not found"),
    "is_directory": ("là thư mục, không phải tệp", "is a directory, not a file"),
    "permission": ("không có quyền đọc tệp", "permission denied"),
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
        "tệp chứa byte NUL ở vị trí {offset}: đây không phải tệp văn bản YAML",
        "the file contains a NUL byte at offset {offset}: it is not a YAML text file",
    ),
    "encoding_not_utf8": (
        "byte thứ {offset} không hợp lệ trong UTF-8 (có thể tệp lưu bằng Windows-1258 hoặc TCVN3); "
        "hãy lưu lại tệp với mã hoá UTF-8 và dùng phông Unicode",
        "byte {offset} is not valid UTF-8 (the file may be Windows-1258 or TCVN3); save it again as UTF-8 with a Unicode font",
    ),
    "syntax": ("YAML không hợp lệ: {reason}", "invalid YAML: {reason}"),
    "multiple_documents": (
        "tệp có nhiều hơn một tài liệu YAML (tài liệu thứ hai bắt đầu ở dòng {line}); mỗi tệp chỉ chứa một kế hoạch",
        "the file holds more than one YAML document (the second starts at line {line}); put one plan per file",
    ),
    "unknown_alias": ("alias *{alias} chưa được định nghĩa", "alias *{alias} is not defined"),
    "recursive_alias": ("alias *{alias} tự tham chiếu tới chính nó", "alias *{alias} refers to itself"),
    "no_plans": ("không có tệp .yaml/.yml nào trong thư mục", "no .yaml/.yml files in the folder"),
    "empty_document": ("tệp rỗng: không có nội dung kế hoạch", "the file is empty: no plan in it"),
    "not_a_mapping": (
        "nội dung tệp phải là một bảng khoá–giá trị (mapping), không phải {kind}",
        "the file must hold a mapping of keys to values, not {kind}",
    ),
    "check_crashed": (
        "không thể đánh giá quy tắc {rule} (lỗi của công cụ: {reason}); kết quả của tài liệu này chưa đầy đủ",
        "rule {rule} could not be evaluated (tool fault: {reason}); this document's result is incomplete",
    ),
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
        "trường '{field}' không có trong định dạng cqdt-plan/1{hint}",
        "field '{field}' is not part of the cqdt-plan/1 format{hint}",
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
    # Report headings added by the other formats (html, markdown, sarif, junit, github, opinion).
    # --- reporters: html / opinion ---
    # --- reporters: markdown / sarif / junit / github ---
    # Engine.
    "subject.system": ("Hệ thống '{system}'", "System '{system}'"),
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
    "na.when": ("không áp dụng: {field} = {value}", "not applicable: {field} = {value}"),
    "na.window": (
        "không áp dụng vào ngày {date}: quy tắc có hiệu lực {window}",
        "not applicable on {date}: the rule is in force {window}",
    ),
    "na.architecture": (
        "không áp dụng: kiến trúc {architecture} không có {element}",
        "not applicable: architecture {architecture} has no {element}",
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
}


def say(code: str, lang: str = "vi", **params: object) -> str:
    """The message for `code` in `lang`, with its parameters filled in."""
    vi, en = CATALOGUE[code]
    text = en if lang == "en" else vi
    return text.format(**params) if params else text
