"""The typed plan: frozen models (shapes.Model) of the `cqdt-plan/1` format (docs/plan-format.md).

These models are the single source of truth for the plan's shape: `schemas/plan.schema.json` is generated
from them (`python -m cqdt_check.schemagen --write`) and a test fails when the committed file drifts.
Every property carries a Vietnamese title and description, which editors show as tooltips.
"""

from __future__ import annotations

from typing import Any, Literal

from .dates import IsoDate
from .errors import Invalid
from .shapes import ConfigDict, Field, model_validator
from .values import Frozen

PLAN_SCHEMA_ID = "https://cqdt-check.github.io/schemas/plan.schema.json"


def F(title: tuple[str, str], description: str, default: Any = ..., *, codes_en: dict[str, str] | None = None,
      **kw: Any) -> Any:
    """A field with its (Vietnamese, English) title and its Vietnamese description (the schema's tooltips).

    The labels a reader sees live here, beside the field, so a new field or code is named in both languages in one
    edit (labels.py reads them): the Vietnamese title, the Vietnamese label of each code in the description
    ("own_accounts (tài khoản riêng của hệ thống)"), and in English `x-title-en` and `x-codes-en` (one label per
    code; a test checks every code has both)."""
    extra: dict[str, Any] = {"x-title-en": title[1]}
    if codes_en:
        extra["x-codes-en"] = codes_en
    return Field(default, title=title[0], description=description, json_schema_extra=extra, **kw)


class _Model(Frozen):
    """A part of a plan: strict, an unknown key is a finding (never dropped), frozen (values.Frozen)."""


Level = Literal["province", "district", "commune"]


class Dates(_Model):
    submitted: IsoDate | None = F(("Ngày trình", "submission date"), "Ngày hồ sơ được trình thẩm định (YYYY-MM-DD).", None)
    approved: IsoDate | None = F(("Ngày phê duyệt", "approval date"), "Ngày dự án/kế hoạch được phê duyệt; null nếu chưa phê duyệt.", None)
    investment_started: IsoDate | None = F(
        ("Ngày bắt đầu đầu tư", "investment start date"),
        "Ngày dự án bắt đầu quá trình đầu tư, xây dựng (chủ trương/quyết định đầu tư); dùng cho quy định chuyển tiếp "
        "(NĐ 331/2026 Điều 39 khoản 1).",
        None,
    )


class Owner(_Model):
    agency: str = F(("Chủ đầu tư/chủ quản", "owner agency"), "Tên cơ quan, đơn vị chủ đầu tư hoặc chủ quản.", min_length=1)
    level: Level = F(("Cấp", "level of government"), "Cấp chính quyền: province (tỉnh), district (huyện; chỉ trước 01/07/2025), commune (xã).",
      codes_en={"province": "province", "district": "district", "commune": "commune"})
    type: Literal["state_agency", "public_service_unit"] | None = F(
        ("Loại đơn vị", "type of body"), "state_agency (cơ quan nhà nước) hoặc public_service_unit (đơn vị sự nghiệp công lập).", None,
        codes_en={"state_agency": "state agency", "public_service_unit": "public service unit"}
    )


class Funding(_Model):
    source: Literal["public_investment", "recurrent", "other"] | None = F(
        ("Nguồn vốn", "funding source"), "public_investment (đầu tư công), recurrent (chi thường xuyên), other (khác).", None,
        codes_en={"public_investment": "public investment", "recurrent": "recurrent spending", "other": "other"}
    )
    state_budget_share: float | None = F(("Tỷ lệ ngân sách nhà nước", "state budget share"), "Tỷ lệ vốn ngân sách nhà nước, từ 0 đến 1.", None, ge=0, le=1)
    total_vnd: int | None = F(("Tổng mức (đồng)", "total (VND)"), "Tổng mức đầu tư hoặc dự toán thuê, đơn vị đồng.", None, ge=0)


class Alignment(_Model):
    components: list[str] = F(
        ("Thành phần kiến trúc", "architecture component"), "Mã các thành phần của Kiến trúc mà dự án triển khai (trong tệp kiến trúc).", [],
    )
    roadmap_tasks: list[int] = F(("Nhiệm vụ trọng tâm", "priority tasks"), "Số thứ tự nhiệm vụ trong Phụ lục III của Kiến trúc.", [])


class PersonalData(_Model):
    basic_subjects: int | None = F(("Số chủ thể dữ liệu cơ bản", "basic personal-data subjects"), "Số người khác nhau có dữ liệu cá nhân cơ bản trong hệ thống.", None, ge=0)
    sensitive_subjects: int | None = F(("Số chủ thể dữ liệu nhạy cảm", "sensitive personal-data subjects"), "Số người khác nhau có dữ liệu cá nhân nhạy cảm trong hệ thống.", None, ge=0)


ProtectionLayer = Literal["on_site", "professional_monitoring", "independent_audit", "national_connection"]


class Security(_Model):
    proposed_level: int | None = F(("Cấp độ đề xuất", "proposed security level"), "Cấp độ an toàn hệ thống thông tin đề xuất, từ 1 đến 5.", None, ge=1, le=5)
    dossier: str | None = F(("Hồ sơ đề xuất cấp độ", "security-level dossier"), "Tham chiếu hồ sơ đề xuất cấp độ, hoặc null nếu chưa có.", None)
    approval_status: Literal["none", "planned", "submitted", "approved"] | None = F(
        ("Tình trạng phê duyệt cấp độ", "security-level approval status"), "none (chưa có), planned (dự kiến), submitted (đã trình), approved (đã phê duyệt).", None,
        codes_en={"none": "none", "planned": "planned", "submitted": "submitted", "approved": "approved"}
    )
    appraiser: str | None = F(("Đơn vị thẩm định cấp độ", "security-level appraiser"), "Đơn vị thẩm định hồ sơ đề xuất cấp độ.", None)
    standard: str | None = F(("Tiêu chuẩn áp dụng", "security standard applied"), "Tiêu chuẩn bảo đảm an toàn/an ninh mạng áp dụng, ví dụ TCVN 14423:2026.", None)
    soc_connected: bool | None = F(("Kết nối SOC", "SOC monitoring"), "Hệ thống được giám sát bởi SOC của tỉnh hoặc quốc gia.", None)
    protection_layers: list[ProtectionLayer] | None = F(
        ("Mô hình 4 lớp", "four-layer protection model"),
        "Các lớp bảo vệ đã bố trí: on_site (tại chỗ), professional_monitoring (giám sát chuyên nghiệp), "
        "independent_audit (kiểm tra độc lập), national_connection (kết nối quốc gia).",
        None,
        codes_en={"on_site": "on-site protection", "professional_monitoring": "professional monitoring", "independent_audit": "independent audit", "national_connection": "national connection"},
    )


class Hosting(_Model):
    model: Literal["provincial_dc", "national_dc", "gov_cloud", "commercial_cloud", "rented_dc", "on_premises"] | None = F(
        ("Hình thức lưu trữ", "hosting model"),
        "provincial_dc (TTDL tỉnh), national_dc (TTDL quốc gia), gov_cloud (đám mây Chính phủ), commercial_cloud "
        "(đám mây thương mại), rented_dc (thuê TTDL), on_premises (tại cơ quan).",
        None,
        codes_en={"provincial_dc": "the provincial data centre", "national_dc": "a national data centre", "gov_cloud": "the government cloud", "commercial_cloud": "a commercial cloud", "rented_dc": "a rented data centre", "on_premises": "on the premises"},
    )
    location: str | None = F(("Quốc gia đặt dữ liệu", "data location (country)"), "Mã quốc gia ISO 3166 nơi đặt hệ thống và dữ liệu, ví dụ VN.", None, pattern=r"^[A-Z]{2}$")
    isolation: Literal["none", "logical", "physical"] | None = F(
        ("Phân tách", "isolation"), "Mức phân tách với hệ thống khác trên hạ tầng dùng chung: none (không phân tách), logical (logic), physical (vật lý).", None,
        codes_en={"none": "no isolation", "logical": "logical", "physical": "physical"}
    )


class Network(_Model):
    ipv6: Literal["ipv4_only", "dual_stack", "ipv6_only"] | None = F(
        ("IPv6", "IPv6 approach"), "ipv4_only (chỉ IPv4), dual_stack (song song IPv4/IPv6), ipv6_only (thuần IPv6).", None,
        codes_en={"ipv4_only": "IPv4 only", "dual_stack": "dual stack IPv4/IPv6", "ipv6_only": "IPv6 only"}
    )
    mtslcd: bool | None = F(("Kết nối MTSLCD", "connection over the government data network (MTSLCD)"), "Hệ thống kết nối qua Mạng truyền số liệu chuyên dùng.", None)
    internet_facing: bool | None = F(("Cung cấp ra Internet", "Internet-facing"), "Hệ thống được truy cập từ Internet.", None)
    equipment_ipv6_ready: bool | None = F(
        ("Thiết bị, phần mềm hỗ trợ IPv6", "IPv6-ready equipment and software"), "Toàn bộ thiết bị, phần mềm mua sắm mới hỗ trợ IPv6.", None
    )
    ipv6_only_plan: bool | None = F(
        ("Lộ trình thuần IPv6", "path to IPv6-only"), "Kế hoạch có lộ trình chuyển sang thuần IPv6 (IPv6-only) theo chương trình 2026–2030.", None
    )
    ipv6_readiness: bool | None = F(
        ("Phân tích sẵn sàng IPv6", "IPv6-readiness analysis"), "Thiết kế có phân tích khả năng sẵn sàng IPv6 của hệ thống (NĐ 224/2026 Điều 46–48).", None
    )
    web_portal: bool | None = F(
        ("Cổng/Trang thông tin điện tử", "state portal or website"), "true nếu hệ thống là cổng thông tin điện tử hoặc trang thông tin điện tử của cơ quan nhà nước.", None
    )
    domain: str | None = F(("Tên miền truy cập", "domain name"), "Tên miền truy cập của cổng/trang thông tin điện tử, ví dụ sokhcn.quangngai.gov.vn.", None,
                           min_length=1)


class Identity(_Model):
    citizen_login: Literal["none", "vneid", "own_accounts"] | None = F(
        ("Đăng nhập của người dân", "citizen login"),
        "none (không có), vneid (tài khoản định danh điện tử VNeID), own_accounts (tài khoản riêng của hệ thống).",
        None,
        codes_en={"none": "none", "vneid": "e-ID accounts (VNeID)", "own_accounts": "the system's own accounts"},
    )
    sso: bool | None = F(("Đăng nhập một lần", "single sign-on"), "Hệ thống dùng đăng nhập một lần (SSO) của tỉnh.", None)


Via = Literal["direct", "lgsp", "ndxp", "data_coordination_platform"]
# one wording of the platforms for every field that names one (reports read the labels from it: labels.py)
VIA_TEXT = ("direct (trực tiếp), lgsp (Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh), ndxp (Nền tảng tích hợp, chia sẻ "
            "dữ liệu quốc gia), data_coordination_platform (Nền tảng chia sẻ, điều phối dữ liệu)")
VIA_EN = {"direct": "directly (point to point)", "lgsp": "the provincial integration and data-sharing platform (LGSP)", "ndxp": "the national integration and data-sharing platform (NDXP)", "data_coordination_platform": "the data-sharing and coordination platform"}


class Integration(_Model):
    target: str = F(("Hệ thống kết nối", "connected system"), "Mã hệ thống/nền tảng/CSDL trong tệp kiến trúc.", min_length=1)
    via: Via | None = F(("Kết nối qua", "connection route"), VIA_TEXT + ".", None, codes_en=VIA_EN)
    direction: Literal["provide", "consume", "both"] | None = F(("Chiều", "direction"), "provide (cung cấp), consume (khai thác), both (hai chiều).", None,
                                                           codes_en={"provide": "provide", "consume": "consume", "both": "both ways"})
    data: list[str] = F(("Dữ liệu trao đổi", "data exchanged"), "Các loại dữ liệu trao đổi.", [])


class Encryption(_Model):
    at_rest: bool | None = F(("Mã hoá khi lưu trữ", "encryption at rest"), "Dữ liệu cá nhân được mã hoá khi lưu trữ.", None)
    in_transit: bool | None = F(("Mã hoá khi truyền", "encryption in transit"), "Dữ liệu cá nhân được mã hoá khi truyền.", None)


class System(_Model):
    id: str = F(("Mã hệ thống", "system id"), "Mã duy nhất trong kế hoạch.", pattern=r"^[A-Za-z0-9_.-]+$")
    name: str = F(("Tên hệ thống", "system name"), "Tên hệ thống thông tin.", min_length=1)
    component: str | None = F(("Thành phần kiến trúc", "architecture component"), "Mã thành phần/nền tảng trong Kiến trúc mà hệ thống triển khai.", None)
    existing: bool | None = F(
        ("Hệ thống đã có", "existing system"), "true nếu hệ thống đã được đầu tư/đang vận hành và kế hoạch nâng cấp, mở rộng nó.", None
    )
    type: Literal["internal", "citizen_service", "infrastructure", "industrial_control", "other"] | None = F(
        ("Loại hệ thống", "system type"),
        "internal (nội bộ), citizen_service (phục vụ người dân, doanh nghiệp), infrastructure (hạ tầng thông tin), "
        "industrial_control (điều khiển công nghiệp), other (khác).",
        None,
        codes_en={"internal": "internal", "citizen_service": "service to citizens and businesses", "infrastructure": "information infrastructure", "industrial_control": "industrial control", "other": "other"},
    )
    handles_tthc: bool | None = F(("Giải quyết TTHC", "handles administrative procedures"), "Hệ thống giải quyết thủ tục hành chính.", None)
    online_services: Literal["none", "partial", "full"] | None = F(
        ("Dịch vụ công trực tuyến", "online public services"), "none (không có), partial (một phần), full (toàn trình).", None,
        codes_en={"none": "none", "partial": "partial", "full": "end to end"}
    )
    scope: Literal["agency", "sector", "province", "multi_province", "national"] | None = F(
        ("Phạm vi", "scope"), "agency (một cơ quan), sector (một ngành), province (toàn tỉnh), multi_province (liên tỉnh), national (quốc gia).", None,
        codes_en={"agency": "one agency", "sector": "one sector", "province": "the whole province", "multi_province": "several provinces", "national": "national"}
    )
    state_secret: Literal["none", "mat", "toi_mat", "tuyet_mat"] | None = F(
        ("Bí mật nhà nước", "state secrets"), "none (không có), mat (Mật), toi_mat (Tối mật), tuyet_mat (Tuyệt mật).", None,
        codes_en={"none": "none", "mat": "Confidential", "toi_mat": "Secret", "tuyet_mat": "Top Secret"}
    )
    personal_data: PersonalData | None = F(("Dữ liệu cá nhân", "personal data"), "Quy mô dữ liệu cá nhân hệ thống xử lý.", None)
    private_information: bool | None = F(
        ("Thông tin riêng", "private information"), "true nếu hệ thống xử lý thông tin riêng, không công khai (ngoài thông tin công cộng); "
        "false nếu chỉ xử lý thông tin công cộng (NĐ 85/2016 Điều 6–8).", None
    )
    national_security_important: bool | None = F(
        ("Quan trọng về an ninh quốc gia", "important to national security"),
        "Hệ thống thuộc danh mục hệ thống thông tin quan trọng về an ninh quốc gia theo pháp luật về an ninh mạng.", None
    )
    availability: Literal["business_hours", "24x7"] | None = F(("Yêu cầu vận hành", "operating hours"), "business_hours (giờ hành chính) hoặc 24x7 (24x7).", None,
                                                                codes_en={"business_hours": "business hours", "24x7": "24x7"})
    security: Security | None = F(("An toàn thông tin", "information security"), "Cấp độ và biện pháp bảo đảm an toàn thông tin.", None)
    hosting: Hosting | None = F(("Hạ tầng lưu trữ", "hosting"), "Nơi và hình thức đặt hệ thống.", None)
    network: Network | None = F(("Mạng", "network"), "Kết nối mạng, IPv6, MTSLCD.", None)
    identity: Identity | None = F(("Định danh", "identity"), "Đăng nhập của người dân và cán bộ.", None)
    encryption: Encryption | None = F(("Mã hoá", "encryption"), "Mã hoá dữ liệu cá nhân khi lưu trữ và khi truyền.", None)
    integrations: list[Integration] = F(("Kết nối, tích hợp", "integrations"), "Các kết nối với hệ thống khác.", [])


class Dataset(_Model):
    name: str = F(("Tên tập dữ liệu", "dataset name"), "Tên tập dữ liệu.", min_length=1)
    role: Literal["provide", "consume"] = F(("Vai trò", "role"), "provide (cung cấp) hoặc consume (khai thác).",
                                           codes_en={"provide": "provide", "consume": "consume"})
    via: Via | None = F(("Chia sẻ qua", "sharing route"), "Nền tảng dùng để chia sẻ hoặc khai thác: " + VIA_TEXT + ".", None, codes_en=VIA_EN)
    master_source: str | None = F(
        ("Nguồn dữ liệu gốc", "master source"), "Hệ thống duy nhất giữ bản gốc (mã hệ thống trong kế hoạch hoặc mã trong tệp kiến trúc).", None
    )
    local_copy: bool | None = F(
        ("Lưu bản sao cục bộ", "local copy"), "true nếu kế hoạch lưu bản sao riêng của dữ liệu khai thác từ nguồn khác.", None
    )


class DataSharing(_Model):
    shared_catalog: bool | None = F(("Danh mục dữ liệu dùng chung", "shared-data catalogue registration"), "Các tập dữ liệu được đăng ký trong danh mục dữ liệu dùng chung của tỉnh.", None)
    open_data: bool | None = F(("Dữ liệu mở", "open data"), "Kế hoạch công bố dữ liệu mở.", None)
    datasets: list[Dataset] = F(("Tập dữ liệu", "datasets"), "Các tập dữ liệu cung cấp hoặc khai thác.", [])


class Sla(_Model):
    availability_pct: float | None = F(("Tỷ lệ sẵn sàng (%)", "committed availability (%)"), "Cam kết tỷ lệ sẵn sàng của dịch vụ, phần trăm.", None, ge=0, le=100)
    rto_hours: float | None = F(("RTO (giờ)", "recovery time objective (hours)"), "Thời gian khôi phục tối đa.", None, ge=0)
    rpo_hours: float | None = F(("RPO (giờ)", "recovery point objective (hours)"), "Lượng dữ liệu tối đa có thể mất, tính bằng giờ.", None, ge=0)
    incident_notice_hours: float | None = F(("Thông báo sự cố (giờ)", "incident notice (hours)"), "Thời hạn nhà cung cấp thông báo sự cố.", None, ge=0)


class Contract(_Model):
    data_ownership: Literal["owner_agency", "supplier", "unspecified"] | None = F(
        ("Quyền sở hữu dữ liệu", "data ownership"), "owner_agency (cơ quan thuê), supplier (nhà cung cấp), unspecified (chưa xác định).", None,
        codes_en={"owner_agency": "the renting agency", "supplier": "the supplier", "unspecified": "not specified"}
    )
    data_handover_on_exit: bool | None = F(("Bàn giao dữ liệu khi kết thúc", "data handover at the end"), "Nhà cung cấp bàn giao toàn bộ dữ liệu khi kết thúc hợp đồng.", None)
    deletion_after_reconciliation: bool | None = F(
        ("Xoá dữ liệu sau đối soát", "deletion after reconciliation"), "Nhà cung cấp chỉ xoá dữ liệu sau khi bàn giao và đối soát xong.", None
    )
    security_responsibilities: bool | None = F(("Trách nhiệm an toàn thông tin", "security responsibilities"), "Hợp đồng quy định trách nhiệm các bên về an toàn, an ninh mạng.", None)


class Rental(_Model):
    service_availability: Literal["off_the_shelf", "bespoke"] | None = F(
        ("Loại dịch vụ", "service type"), "off_the_shelf (dịch vụ sẵn có) hoặc bespoke (dịch vụ không sẵn có, xây theo yêu cầu).", None,
        codes_en={"off_the_shelf": "an available (off-the-shelf) service", "bespoke": "a bespoke service"}
    )
    purpose: Literal["new_service", "upgrade_owned_system", "extend_owned_system"] | None = F(
        ("Mục đích thuê", "rental purpose"), "new_service (dịch vụ mới), upgrade_owned_system (nâng cấp hệ thống đã đầu tư), extend_owned_system (mở rộng hệ thống đã đầu tư).",
        None, codes_en={"new_service": "a new service", "upgrade_owned_system": "upgrading a system already invested in", "extend_owned_system": "extending a system already invested in"}
    )
    synchronized_plan: bool | None = F(("Kế hoạch thuê đồng bộ", "synchronised rental plan"), "Là một phần của kế hoạch thuê dịch vụ đồng bộ, không trình riêng lẻ.", None)
    plan_approval: Literal["none", "planned", "submitted", "approved"] | None = F(
        ("Phê duyệt kế hoạch thuê", "rental plan approval"), "Tình trạng thẩm định, phê duyệt kế hoạch thuê dịch vụ không sẵn có: none (chưa có), planned (dự kiến), submitted (đã trình), "
        "approved (đã phê duyệt).", None,
        codes_en={"none": "none", "planned": "planned", "submitted": "submitted", "approved": "approved"}
    )
    architecture_assessment: bool | None = F(
        ("Đánh giá sự phù hợp Kiến trúc", "architecture conformity assessment"), "Kế hoạch thuê có nội dung đánh giá sự phù hợp với Khung kiến trúc số (NĐ 224/2026 Điều 67 khoản 2 điểm c).", None
    )
    quality_requirements: bool | None = F(
        ("Yêu cầu chất lượng, kết nối", "quality and connection requirements"), "Kế hoạch thuê nêu yêu cầu chất lượng dịch vụ và yêu cầu kết nối, liên thông (NĐ 224/2026 Điều 67 khoản 2 điểm d).", None
    )
    trial_operation: bool | None = F(
        ("Vận hành thử", "trial operation"), "Kế hoạch thuê có vận hành thử dịch vụ trước khi nghiệm thu (NĐ 224/2026 Điều 67 khoản 5).", None
    )
    quality_monitoring: bool | None = F(
        ("Giám sát chất lượng dịch vụ", "service quality monitoring"), "Kế hoạch thuê có phương án giám sát chất lượng dịch vụ trong thời gian thuê (NĐ 224/2026 Điều 67 khoản 6).", None
    )
    term_months: int | None = F(("Thời hạn thuê (tháng)", "rental term (months)"), "Thời hạn thuê dịch vụ theo kế hoạch thuê, tính bằng tháng.", None, ge=1)
    sla: Sla | None = F(("Cam kết chất lượng dịch vụ (SLA)", "service level agreement (SLA)"), "Các chỉ tiêu chất lượng dịch vụ.", None)
    contract: Contract | None = F(("Điều khoản hợp đồng", "contract terms"), "Các điều khoản về dữ liệu và an toàn thông tin.", None)


Topic = Literal["connectivity", "ipv6", "security", "data_sharing", "rental", "other"]


class Clause(_Model):
    ref: str = F(("Vị trí trong hồ sơ", "place in the dossier"), "Mục, trang của nội dung trích dẫn trong hồ sơ gốc.", min_length=1)
    topics: list[Topic] = F(("Chủ đề", "topics"), "connectivity (kết nối), ipv6 (IPv6), security (an toàn thông tin), data_sharing (chia sẻ dữ liệu), "
                                      "rental (thuê dịch vụ), other (khác).", [],
                                      codes_en={"connectivity": "connectivity", "ipv6": "IPv6", "security": "security", "data_sharing": "data sharing", "rental": "rental", "other": "other"})
    text: str = F(("Nội dung", "text"), "Nguyên văn điều khoản trích từ hồ sơ.", min_length=1)


class Deviation(_Model):
    rule: str = F(("Quy tắc", "rule"), "Mã quy tắc xin chấp nhận sai lệch.", pattern=r"^[A-Z][A-Z0-9]*-\d{3}$")
    path: str | None = F(("Vị trí", "place"), "Đường dẫn tới trường liên quan, ví dụ systems[0].network.ipv6.", None)
    reason: str = F(("Lý do", "reason"), "Lý do đề nghị; chỉ cơ quan thẩm định mới chấp nhận.", min_length=1)


class Plan(_Model):
    """An IT investment project or IT-service rental plan (format cqdt-plan/1)."""

    model_config = ConfigDict(
        title="Kế hoạch/dự án CNTT (cqdt-plan/1)",
        json_schema_extra={
            "$id": PLAN_SCHEMA_ID,
            "description": "Thông tin của dự án đầu tư hoặc kế hoạch thuê dịch vụ CNTT để kiểm tra sự phù hợp với "
            "Kiến trúc Chính quyền điện tử cấp tỉnh.",
            # rental: required for a service rental, forbidden otherwise.
            "if": {"properties": {"kind": {"const": "service_rental"}}, "required": ["kind"]},
            "then": {"required": ["rental"]},
            "else": {"not": {"required": ["rental"]}},
        },
    )

    format: Literal["cqdt-plan/1"] = F(("Định dạng", "format"), "Phiên bản định dạng, luôn là cqdt-plan/1.", codes_en={"cqdt-plan/1": "cqdt-plan/1"})
    kind: Literal["project", "service_rental"] = F(("Loại hồ sơ", "kind of plan"), "project (dự án đầu tư) hoặc service_rental (kế hoạch thuê dịch vụ CNTT).",
                                                   codes_en={"project": "investment project", "service_rental": "IT service rental plan"})
    name: str = F(("Tên dự án/kế hoạch", "plan name"), "Tên đầy đủ như trong hồ sơ.", min_length=1)
    architecture: str | None = F(("Kiến trúc", "architecture"), "Mã kiến trúc áp dụng; mặc định quang-ngai-3.0. Tuỳ chọn --architecture được ưu tiên.", None)
    stage: Literal["proposal", "feasibility", "econ_tech", "detailed_design", "rental_plan"] | None = F(
        ("Giai đoạn", "stage"),
        "proposal (đề xuất chủ trương), feasibility (báo cáo nghiên cứu khả thi), econ_tech (báo cáo kinh tế - kỹ thuật), "
        "detailed_design (thiết kế chi tiết), rental_plan (kế hoạch thuê).",
        None,
        codes_en={"proposal": "investment proposal", "feasibility": "feasibility study", "econ_tech": "economic-technical report", "detailed_design": "detailed design", "rental_plan": "rental plan"},
    )
    dates: Dates | None = F(("Các mốc ngày", "dates"), "Dùng để chọn quy định pháp luật áp dụng.", None)
    owner: Owner = F(("Chủ đầu tư", "owner"), "Cơ quan, đơn vị chủ đầu tư hoặc chủ quản.")
    funding: Funding | None = F(("Nguồn vốn", "funding source"), "Nguồn và quy mô vốn.", None)
    alignment: Alignment | None = F(("Phù hợp Kiến trúc", "architecture alignment"), "Thành phần và nhiệm vụ của Kiến trúc mà dự án thực hiện.", None)
    legal_basis: list[str] = F(("Căn cứ pháp lý", "legal basis"), "Các văn bản hồ sơ viện dẫn làm căn cứ.", [])
    systems: list[System] = F(("Hệ thống thông tin", "information systems"), "Các hệ thống thông tin của dự án/kế hoạch.", min_length=1)
    data_sharing: DataSharing | None = F(("Chia sẻ dữ liệu", "data sharing"), "Danh mục, dữ liệu mở và các tập dữ liệu.", None)
    rental: Rental | None = F(("Thuê dịch vụ", "service rental"), "Bắt buộc khi kind là service_rental; không được có khi là project.", None)
    clauses: list[Clause] = F(("Trích dẫn hồ sơ", "quoted clauses"), "Các đoạn trích nguyên văn từ hồ sơ, kèm vị trí.", [])
    deviations: list[Deviation] = F(
        ("Đề nghị chấp nhận sai lệch", "deviation requests"), "Chủ đầu tư chỉ có thể ĐỀ NGHỊ; chỉ cơ quan thẩm định mới chấp nhận.", []
    )

    @model_validator(mode="after")
    def _rental_matches_kind(self) -> Plan:
        if self.kind == "service_rental" and self.rental is None:
            raise Invalid("value.rental_missing")
        if self.kind != "service_rental" and self.rental is not None:
            raise Invalid("value.rental_unexpected")
        return self
