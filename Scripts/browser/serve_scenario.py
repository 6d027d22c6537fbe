"""The desk in a real browser (Debian's chromium through chromium-driver):
an officer pastes the seed's table, sees FP301 on the 优化政府部门 row's
cell, fixes the value, checks again and downloads the PDF; then, on a
server that requires login, a bureau of 300 units: the roster with its
主管部门 column, codes for all in one action, the notice PDF downloaded and
read (pdftotext), one unit submits, another is refused for handing in the
first's forms, the first is returned with a comment and submits again, and
the bureau's table filtered by 主管部门, searched and sorted. A screenshot of every page goes
into SHOTS. Exits non-zero, saying why, when anything is not as expected.

usage: serve_scenario.py LOOPBACK_URL LOGIN_URL ADMIN_USER ADMIN_PASSWORD SEED SHOTS
"""
import os
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

local, network, admin_user, admin_password, seed_path, shots = sys.argv[1:7]
os.makedirs(shots, exist_ok=True)
downloads = os.path.join(shots, "downloads")
os.makedirs(downloads, exist_ok=True)
seed = open(seed_path, encoding="utf-8").read()
sichuan_path = os.path.join(os.path.dirname(seed_path), "sichuan-2024.yaml")
UNIT = "柳河县政务服务和数字化建设管理局"
OTHER = "示例市文化和旅游局"
SUPERVISORS = ["教育局", "卫生健康委员会", "农业农村局"]
COMMENT = "项目支出绩效自评表“优化政府部门”一行的实际完成值请核实后重新提交。"


def browser():
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1800", "--lang=zh-CN"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def shot(driver, name):
    # What the window shows first, then the whole page.
    driver.save_screenshot(os.path.join(shots, name + "-top.png"))
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1400, min(max(height, 800), 6000))
    driver.save_screenshot(os.path.join(shots, name + ".png"))
    driver.set_window_size(1400, 1800)


def expect(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)


def arrive(driver, before, part, what, wait=60):
    """Waits until a click has opened a new page whose address has `part`."""
    try:
        WebDriverWait(driver, wait).until(lambda d: d.current_url != before and part in d.current_url
                                        and d.execute_script("return document.readyState") == "complete")
    except Exception:
        expect(False, what + ": still at " + driver.current_url)


def click(driver, element, part, what, wait=60):
    before = driver.current_url
    element.click()
    arrive(driver, before, part, what, wait)


def wait_for_download(suffix):
    """The path of the file with `suffix` the browser has finished downloading."""
    for _ in range(300):
        done = [name for name in os.listdir(downloads) if name.endswith(suffix)]
        if done:
            time.sleep(0.3)
            return os.path.join(downloads, done[0])
        time.sleep(0.1)
    expect(False, "no %s was downloaded" % suffix)


def log_in_unit(driver, base, unit, code):
    driver.get(base + "/login")
    form = driver.find_element(By.ID, "unit-login")
    Select(form.find_element(By.NAME, "unit")).select_by_visible_text(unit)
    form.find_element(By.NAME, "code").send_keys(code)
    before = driver.current_url
    form.find_element(By.TAG_NAME, "button").click()
    WebDriverWait(driver, 60).until(lambda d: d.current_url != before)
    expect(not driver.current_url.endswith("/login"), unit + "'s code did not log it in")


def paste(driver, base, text):
    driver.get(base + "/")
    area = driver.find_element(By.ID, "paste")
    # A paste as Ctrl+V leaves it: the text with its tabs, in one go.
    driver.execute_script("arguments[0].value = arguments[1];", area, text)
    click(driver, driver.find_element(By.ID, "check"), "/s/", "pasting did not open the checked form")


def log_in_admin(driver, base):
    driver.get(base + "/login")
    form = driver.find_element(By.ID, "admin-login")
    form.find_element(By.NAME, "user").send_keys(admin_user)
    form.find_element(By.NAME, "password").send_keys(admin_password)
    click(driver, form.find_element(By.TAG_NAME, "button"), "/bureau", "the administrator's login did not open 汇总")


def log_out(driver):
    click(driver, driver.find_element(By.CSS_SELECTOR, "header form button"), "/login", "logging out did not end at the login")


driver = browser()
try:
    # --- The officer on loopback: nobody logs in.
    driver.get(local + "/")
    shot(driver, "01-home")
    paste(driver, local, seed)
    expect(driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"),
           "the checked form's page is wider than the window")

    def marked_on_form():
        return [td for td in driver.find_elements(By.CSS_SELECTOR, "#shape-form td.value")
                if "FP301" in (td.get_attribute("title") or "") and "优化政府部门" in td.get_attribute("title")]

    marked = marked_on_form()
    expect(marked and "warning" in marked[0].get_attribute("class"), "the 优化政府部门 row's 实际完成值 cell is not marked on the form")
    labels = [td.text for td in driver.find_elements(By.CSS_SELECTOR, "#shape-form td.label[rowspan]")]
    expect("绩效指标" in labels, "the form's merged 绩效指标 label is not drawn: %r" % labels)
    listed = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#findings li[data-code=FP301]")]
    expect(any("优化政府部门" in text for text in listed), "FP301 about 优化政府部门 is not listed beside the form")
    shot(driver, "02-checked")

    value = marked[0].find_element(By.CSS_SELECTOR, "input, textarea")
    value.clear()
    value.send_keys("64.4万元")
    driver.find_element(By.CSS_SELECTOR, "#shape-options input[name='line:year']").click()
    click(driver, driver.find_element(By.CSS_SELECTOR, "#shape-form button.recheck"), "/s/2", "correcting did not open the new submission")
    listed = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#findings li[data-code=FP301]")]
    expect(not any("优化政府部门" in text for text in listed), "FP301 about 优化政府部门 is still there after the fix")
    expect(not marked_on_form(), "the fixed cell is still marked")
    expect(any("2024年度" in t.text for t in driver.find_elements(By.CSS_SELECTOR, ".shape-title")), "the （年度） line is not on the corrected form")
    shot(driver, "03-fixed")

    # The 11-column 四川 form: every column on the page, nothing clipped.
    driver.get(local + "/")
    driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(sichuan_path)
    click(driver, driver.find_element(By.ID, "check"), "/s/", "the 四川 unit file did not open its page")
    table = driver.find_element(By.CSS_SELECTOR, "table.form-shape")
    expect(table.get_attribute("data-columns") == "11", "the 四川 form does not have 11 columns")
    wrap = driver.find_element(By.CSS_SELECTOR, ".shape-wrap")
    expect(driver.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth + 1", wrap),
           "the 四川 form is wider than its frame at 1400 px")
    expect(driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"), "the 四川 page is wider than the window")
    shot(driver, "03b-sichuan")
    driver.get(local + "/s/2")

    driver.find_element(By.CSS_SELECTOR, "a.download.combined").click()
    pdf = wait_for_download(".pdf")
    expect(open(pdf, "rb").read(5) == b"%PDF-", "the download is not a PDF")
    os.replace(pdf, os.path.join(shots, "downloaded.pdf"))

    driver.get(local + "/s/1?lang=en")
    shot(driver, "04-checked-english")
    driver.get(local + "/?lang=zh")
    driver.get(local + "/bureau")
    shot(driver, "05-bureau-loopback")

    # --- Beyond loopback: a bureau of 300 units.
    driver.delete_all_cookies()
    driver.get(network + "/")
    expect(driver.current_url.endswith("/login"), "beyond loopback the home page did not ask for a login")
    shot(driver, "06-login")
    log_in_admin(driver, network)
    roster = "单位名称\t主管部门\n%s\t柳河县财政局\n%s\t示例市财政局\n" % (UNIT, OTHER)
    roster += "".join("第%d单位\t%s\n" % (n, SUPERVISORS[n % 3]) for n in range(1, 299))
    area = driver.find_element(By.CSS_SELECTOR, "form[action='/bureau/roster'] textarea")
    driver.execute_script("arguments[0].value = arguments[1];", area, roster)
    driver.find_element(By.CSS_SELECTOR, "form[action='/bureau/roster'] button").click()
    WebDriverWait(driver, 60).until(lambda d: "名单已保存：300 个单位" in d.page_source)
    shot(driver, "07-bureau-roster")

    # Codes for all 300 in one action, shown once.
    click(driver, driver.find_element(By.CSS_SELECTOR, "#codes-missing button"), "/bureau/codes", "the bulk issue did not open the codes", wait=300)
    codes = {}
    for row in driver.find_elements(By.CSS_SELECTOR, "#codes tr")[1:]:
        cells = row.find_elements(By.TAG_NAME, "td")
        codes[cells[0].text] = cells[2].text
    expect(len(codes) == 300 and all(len([c for c in code if c.isdigit()]) == 12 for code in codes.values()),
           "the codes page does not list 300 codes")
    shot(driver, "08-codes")
    driver.find_element(By.ID, "notices-pdf").click()
    notices = wait_for_download(".pdf")
    text = subprocess.run(["pdftotext", "-layout", notices, "-"], capture_output=True, text=True).stdout
    expect(UNIT in text and codes[UNIT] in text and "主管部门：柳河县财政局" in text and network in text,
           "the notice PDF does not give the unit, its code, its 主管部门 and the address")
    expect("三、粘贴或上传本单位的自评表" in text, "the notice PDF does not give the three steps")
    pages = subprocess.run(["pdfinfo", notices], capture_output=True, text=True).stdout
    expect(any(line.startswith("Pages:") and line.split()[-1] == "150" for line in pages.splitlines()),
           "300 notices are not 150 pages: " + pages)
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", notices,
                    os.path.join(shots, "08b-notice")], check=True)
    os.replace(notices, os.path.join(shots, "notices.pdf"))
    driver.find_element(By.ID, "codes-xlsx").click()
    workbook = wait_for_download(".xlsx")
    expect(open(workbook, "rb").read(2) == b"PK", "the code list is not a workbook")
    os.replace(workbook, os.path.join(shots, "codes.xlsx"))
    log_out(driver)

    # A unit submits.
    log_in_unit(driver, network, UNIT, codes[UNIT])
    paste(driver, network, seed)
    shot(driver, "09-unit-checked")
    log_out(driver)

    # Another unit hands in the first unit's forms: refused, both names said.
    log_in_unit(driver, network, OTHER, codes[OTHER])
    driver.get(network + "/")
    area = driver.find_element(By.ID, "paste")
    driver.execute_script("arguments[0].value = arguments[1];", area, seed)
    driver.find_element(By.ID, "check").click()
    WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.ID, "refusal"))
    refusal = driver.find_element(By.ID, "refusal").text
    expect(UNIT in refusal and OTHER in refusal, "the refusal does not name both units: " + refusal)
    shot(driver, "10-unit-refused")
    driver.get(network + "/")
    log_out(driver)

    # The bureau returns the first unit's submission with a comment.
    log_in_admin(driver, network)
    row = driver.find_element(By.CSS_SELECTOR, "tr[data-unit='%s']" % UNIT)
    expect("有警告" in row.text, "the unit's status is not 有警告: " + row.text)
    shot(driver, "11-bureau-status")
    click(driver, row.find_element(By.TAG_NAME, "a"), "/bureau/unit", "the unit's line does not open its page")
    expect("FP301" in driver.page_source, "the unit's page does not list its findings")
    shot(driver, "12-bureau-unit")
    form = driver.find_element(By.ID, "return-form")
    form.find_element(By.NAME, "comment").send_keys(COMMENT)
    form.find_element(By.TAG_NAME, "button").click()
    # Back on the same address, now saying it was returned.
    WebDriverWait(driver, 60).until(lambda d: "等待单位重新提交" in d.page_source)
    driver.get(network + "/bureau?status=returned")
    rows = driver.find_elements(By.CSS_SELECTOR, "#units tr[data-unit]")
    expect([r.get_attribute("data-unit") for r in rows] == [UNIT], "the table's 已退回 filter does not show just the unit")
    shot(driver, "13-bureau-returned")
    log_out(driver)

    # The unit sees the comment, and submits again.
    log_in_unit(driver, network, UNIT, codes[UNIT])
    driver.get(network + "/")
    expect(COMMENT in driver.find_element(By.ID, "returned").text, "the unit does not see the bureau's comment")
    shot(driver, "14-unit-returned")
    paste(driver, network, seed)
    shot(driver, "15-unit-resubmitted")
    log_out(driver)

    # The bureau's filtered table.
    log_in_admin(driver, network)
    driver.get(network + "/bureau?supervisor=" + "柳河县财政局")
    rows = driver.find_elements(By.CSS_SELECTOR, "#units tr[data-unit]")
    expect([r.get_attribute("data-unit") for r in rows] == [UNIT] and "有警告" in rows[0].text,
           "the 主管部门 filter does not show the resubmitted unit as 有警告")
    shot(driver, "16-bureau-supervisor")
    search = driver.find_element(By.CSS_SELECTOR, "#filter input[name=q]")
    search.clear()
    search.send_keys("第10")
    Select(driver.find_element(By.CSS_SELECTOR, "#filter select[name=supervisor]")).select_by_index(0)
    Select(driver.find_element(By.CSS_SELECTOR, "#filter select[name=sort]")).select_by_value("name")
    click(driver, driver.find_element(By.CSS_SELECTOR, "#filter button"), "q=", "the filter form did not open the filtered view")
    names = [r.get_attribute("data-unit") for r in driver.find_elements(By.CSS_SELECTOR, "#units tr[data-unit]")]
    expect(names == ["第10单位"] + ["第%d单位" % n for n in range(100, 110)], "the search is not in counting order: %s" % names)
    shot(driver, "17-bureau-search")
    driver.get(network + "/bureau?status=missing&sort=name")
    names = [r.get_attribute("data-unit") for r in driver.find_elements(By.CSS_SELECTOR, "#units tr[data-unit]")]
    first = names.index("第1单位") if "第1单位" in names else -1
    expect(len(names) == 299 and names[first:first + 3] == ["第1单位", "第2单位", "第3单位"] and names[-1] == "第298单位",
           "the 未提交 filter is not 299 units in counting order")
    shot(driver, "18-bureau-missing")
    driver.get(network + "/bureau/audit")
    expect("批量发放访问码" in driver.page_source and "退回修改" in driver.page_source and "退回后重新提交" in driver.page_source,
           "the audit log does not say it in Chinese")
    shot(driver, "19-audit")
    print("browser scenario passed")
finally:
    driver.quit()
