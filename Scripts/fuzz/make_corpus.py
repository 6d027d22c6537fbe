#!/usr/bin/env python3
"""Builds the seed corpora of the fuzz targets (Fuzz/corpus/<target>/) from the
project's own fixtures: the example unit, the layouts, the pasted seed and the
workbook fixture. The results are committed, so the fuzz script needs neither
Python nor the design documents outside the repository; run this again when the fixtures change.

    python3 Scripts/fuzz/make_corpus.py
"""
import json
import pathlib
import shutil
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "Fuzz/corpus"
SEED = ROOT.parent / "shared/seeds/000_5b8724f7b2e95a37.txt"


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def unit_files():
    example = (ROOT / "Examples/liuhe-2024.yaml").read_text(encoding="utf-8")
    write("unit-file", "liuhe-2024.yaml", example)
    write("unit-file", "minimal.yaml", "formprint: 1\nunit: {name: 测试单位}\nyear: 2024\nprojects:\n  - name: 项目甲\n    implementingUnit: 单位乙\n")
    write("unit-file", "aliases.yaml",
          "formprint: 1\nunit: {name: &u 测试单位}\nyear: 2024\nprojects:\n  - &p {name: 项目, implementingUnit: *u,"
          " funds: [{source: 当年财政拨款, initialBudget: 1.00, annualBudget: 1.00, executed: 1.00, executionRate: 100%}]}\n"
          "department: {name: *u, tasks: [{number: 1, name: 任务, content: 内容, completion: 完成}],"
          " indicators: [{category: 产出指标, subcategories: [{category: 数量指标, indicators: [{name: 指标, target: \">=1个\", actual: 1个}]}]}]}\n"
          "report: {title: 报告, sections: [{heading: 概况, paragraphs: [文字], sections: [{heading: 子节, paragraphs: [文字]}]}],"
          " signature: *u, date: 2025年3月1日, sealed: true, attachments: [{name: 表, form: department}]}\n"
          "signatures: {unitHead: 甲, financeHead: 乙, projectLead: 丙, preparer: 丁, phone: '0435-1234567', date: 2025年3月1日}\n")
    write("unit-file", "json.json", json.dumps({
        "formprint": 1, "unit": {"name": "测试单位"}, "year": 2024,
        "projects": [{"name": "项目", "implementingUnit": "测试单位", "goal": {"expected": "目标", "actual": "完成"},
                      "indicators": [{"category": "产出指标", "subcategories": [
                          {"category": "数量指标", "indicators": [{"name": "指标", "target": "≥1个", "actual": "1个"}]}]}]}],
    }, ensure_ascii=False, indent=1))


def pasted_text(seed):
    write("pasted-text", "seed.txt", seed)
    lines = seed.splitlines(keepends=True)
    write("pasted-text", "seed-forms.txt", "".join(l for l in lines if "\t" in l))
    write("pasted-text", "seed-head.txt", "".join(lines[:25]))
    write("pasted-text", "seed-gb18030.txt", "".join(lines[:25]).encode("gb18030"))
    write("pasted-text", "seed-utf16.txt", "".join(lines[:25]).encode("utf-16"))


def workbooks():
    fixture = ROOT / "Tests/ImportingTests/Fixtures/openpyxl-jilin-2024.xlsx"
    write("workbook", "openpyxl-jilin-2024.xlsx", fixture.read_bytes())
    # The same workbook as a bundle of parts (see Fuzz/Workbook/main.swift).
    with zipfile.ZipFile(fixture) as archive:
        bundle = "".join(f"@@@ {name}\n{archive.read(name).decode('utf-8')}" for name in archive.namelist())
        write("workbook", "openpyxl-jilin-2024.bundle", bundle)
        sheets = [n for n in archive.namelist() if not n.startswith("xl/worksheets/") or n.endswith("sheet1.xml")]
        write("workbook", "one-sheet.bundle", "".join(f"@@@ {n}\n{archive.read(n).decode('utf-8')}" for n in sheets))


def render_units():
    """The unit files again, for the render target, plus units at the edges
    issue 14 found: amounts of 19+ digits in the national layout's money
    columns, a long report title, many sections, negative numbers."""
    for path in sorted((CORPUS / "unit-file").iterdir()):
        write("render", path.name, path.read_bytes())
    write("render", "money.yaml",
          "formprint: 1\nunit: {name: 金额单位}\nyear: 2024\nlayouts: {project: project-national}\nprojects:\n"
          "  - name: 项目\n    implementingUnit: 金额单位\n    funds:\n"
          "      - {source: 当年财政拨款, initialBudget: '9223372036854775808123', annualBudget: '1.005', executed: '-12.5', executionRate: '-125%'}\n"
          "      - {source: 年度资金总和, initialBudget: '1e5', annualBudget: '约212万', executed: '220102199001011234', executionRate: '100.00%'}\n")
    write("render", "report.yaml",
          "formprint: 1\nunit: {name: 报告单位}\nyear: 2024\nreport:\n  title: " + "柳河县政务服务和数字化建设管理局关于2024年度部门整体支出绩效自评工作的报告" * 4 + "\n"
          "  signature: 报告单位\n  date: 2025年1月10日\n  sections:\n"
          + "".join(f"    - {{heading: 第{n}节, paragraphs: [正文——破折号……省略号〖括号〗［方括号］。], sections: [{{heading: 子节, sections: [{{heading: 孙节}}]}}]}}\n" for n in range(1, 12)))


def layouts():
    for layout in sorted((ROOT / "Layouts").glob("*.yaml")):
        write("layout", layout.name, layout.read_text(encoding="utf-8"))


if __name__ == "__main__":
    # The pasted seed is kept in the corpus itself, so that a checkout
    # without the design documents can rebuild it.
    kept = CORPUS / "pasted-text/seed.txt"
    seed = (SEED if SEED.exists() else kept).read_text(encoding="utf-8")
    for target in ["unit-file", "pasted-text", "workbook", "layout", "render"]:
        shutil.rmtree(CORPUS / target, ignore_errors=True)
    unit_files()
    render_units()
    pasted_text(seed)
    workbooks()
    layouts()
