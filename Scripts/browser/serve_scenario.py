"""The desk in a real browser (Debian's chromium through chromium-driver):
an officer pastes the seed's table, sees FP301 on the 优化政府部门 row's
cell, fixes the value, checks again and downloads the PDF; then, on a
server that requires login, the bureau issues a code, the unit submits,
and the bureau sees the unit's status. A screenshot of every page goes
into SHOTS. Exits non-zero, saying why, when anything is not as expected.

usage: serve_scenario.py LOOPBACK_URL LOGIN_URL ADMIN_USER ADMIN_PASSWORD SEED SHOTS
"""
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

local, network, admin_user, admin_password, seed_path, shots = sys.argv[1:7]
os.makedirs(shots, exist_ok=True)
downloads = os.path.join(shots, "downloads")
os.makedirs(downloads, exist_ok=True)
seed = open(seed_path, encoding="utf-8").read()
UNIT = "柳河县政务服务和数字化建设管理局"


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


def arrive(driver, before, part, what):
    """Waits until a click has opened a new page whose address has `part`."""
    try:
        WebDriverWait(driver, 60).until(lambda d: d.current_url != before and part in d.current_url
                                        and d.execute_script("return document.readyState") == "complete")
    except Exception:
        expect(False, what + ": still at " + driver.current_url)


def click(driver, element, part, what):
    before = driver.current_url
    element.click()
    arrive(driver, before, part, what)


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
    cell = driver.find_element(By.ID, "c-18-6")
    expect("warning" in cell.get_attribute("class"), "the 优化政府部门 row's 实际完成值 cell is not marked")
    expect("FP301" in cell.get_attribute("title") and "优化政府部门" in cell.get_attribute("title"), "the mark is not FP301 about 优化政府部门")
    listed = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#findings li[data-code=FP301]")]
    expect(any("优化政府部门" in text for text in listed), "FP301 about 优化政府部门 is not listed beside the table")
    shot(driver, "02-checked")

    value = cell.find_element(By.TAG_NAME, "input")
    value.clear()
    value.send_keys("64.4万元")
    click(driver, driver.find_element(By.CSS_SELECTOR, "button.recheck"), "/s/2", "checking again did not open the new submission")
    listed = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#findings li[data-code=FP301]")]
    expect(not any("优化政府部门" in text for text in listed), "FP301 about 优化政府部门 is still there after the fix")
    expect("warning" not in (driver.find_element(By.ID, "c-18-6").get_attribute("class") or ""), "the fixed cell is still marked")
    shot(driver, "03-fixed")

    driver.find_element(By.CSS_SELECTOR, "a.download.combined").click()
    pdf = None
    for _ in range(100):
        done = [name for name in os.listdir(downloads) if name.endswith(".pdf")]
        if done:
            pdf = os.path.join(downloads, done[0])
            break
        time.sleep(0.1)
    expect(pdf is not None, "no PDF was downloaded")
    time.sleep(0.3)
    expect(open(pdf, "rb").read(5) == b"%PDF-", "the download is not a PDF")
    os.replace(pdf, os.path.join(shots, "downloaded.pdf"))

    driver.get(local + "/s/1?lang=en")
    shot(driver, "04-checked-english")
    driver.get(local + "/?lang=zh")
    driver.get(local + "/bureau")
    shot(driver, "05-bureau-loopback")

    # --- Beyond loopback: the bureau logs in and issues a code.
    driver.delete_all_cookies()
    driver.get(network + "/")
    expect(driver.current_url.endswith("/login"), "beyond loopback the home page did not ask for a login")
    shot(driver, "06-login")
    log_in_admin(driver, network)
    roster = driver.find_element(By.CSS_SELECTOR, "form[action='/bureau/roster'] textarea")
    roster.send_keys("单位名称\n" + UNIT + "\n示例市文化和旅游局\n")
    before = driver.current_url
    driver.find_element(By.CSS_SELECTOR, "form[action='/bureau/roster'] button").click()
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "tr[data-unit='%s'] form button" % UNIT))
    shot(driver, "07-bureau-roster")
    driver.find_element(By.CSS_SELECTOR, "tr[data-unit='%s'] form button" % UNIT).click()
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "code"))
    code = driver.find_element(By.ID, "code").text
    expect(len([c for c in code if c.isdigit()]) == 12, "no access code shown: " + code)
    shot(driver, "08-code")
    driver.get(network + "/bureau")
    log_out(driver)

    # The unit logs in with its code and submits.
    driver.get(network + "/login")
    form = driver.find_element(By.ID, "unit-login")
    form.find_element(By.NAME, "code").send_keys(code)
    before = driver.current_url
    form.find_element(By.TAG_NAME, "button").click()
    WebDriverWait(driver, 30).until(lambda d: d.current_url != before)
    expect(not driver.current_url.endswith("/login"), "the unit's code did not log it in")
    paste(driver, network, seed)
    shot(driver, "09-unit-checked")
    log_out(driver)

    # The bureau sees the unit's status.
    log_in_admin(driver, network)
    row = driver.find_element(By.CSS_SELECTOR, "tr[data-unit='%s']" % UNIT)
    expect("有警告" in row.text, "the unit's status is not 有警告: " + row.text)
    other = driver.find_element(By.CSS_SELECTOR, "tr[data-unit='示例市文化和旅游局']")
    expect("未提交" in other.text, "the unit that sent nothing is not 未提交: " + other.text)
    shot(driver, "10-bureau-status")
    click(driver, row.find_element(By.TAG_NAME, "a"), "/bureau/unit", "the unit's line does not open its findings")
    expect("FP301" in driver.page_source, "the unit's page does not list its findings")
    shot(driver, "11-bureau-unit")
    driver.get(network + "/bureau/audit")
    shot(driver, "12-audit")
    print("browser scenario passed")
finally:
    driver.quit()
