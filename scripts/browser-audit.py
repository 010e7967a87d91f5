#!/usr/bin/env python3
"""Audits a built nianbao site in a real browser (headless Chromium through chromedriver).

Serves the output folder over HTTP on loopback, then for each kind of page:
  - runs axe-core (WCAG 2.0/2.1 A and AA rules) and records the violations;
  - measures horizontal overflow at 1280, 640 (a 1280 px window zoomed to 200 %), 375 and 320 px
    wide, and at 1280 px with the text size doubled;
  - checks that the first Tab press lands on a visible skip link with a focus outline;
  - saves full-page screenshots.
It also runs the site's search for a query and lists the result links.

Usage: browser-audit.py OUTPUT_DIR ARTIFACTS_DIR [QUERY]   (prints one JSON object)
"""
import functools
import http.server
import json
import os
import sys
import threading
import time

import axe_core_python
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

PAGES = {
    "index": "",
    "agency": "jiangyu-tax/",
    "report-2021-form": "jiangyu-tax/2024/",
    "report-2019-form": "jiangyu-tax/2020/",
    "search": "search/",
    "task-list": "tasks/2020-tax/",
    "compliance": "compliance/",
    "compliance-findings": "compliance/findings.html",
}
WIDTHS = [1280, 640, 375, 320]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def set_width(driver, width, height=900):
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500},
    )


def overflow(driver):
    return driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")


def screenshot(driver, path):
    import base64

    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {"captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}},
    )
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def main():
    output, artifacts = sys.argv[1], sys.argv[2]
    query = sys.argv[3] if len(sys.argv) > 3 else "信息处理费"
    os.makedirs(artifacts, exist_ok=True)
    # axe-core-python bundles axe-core 4.x, which knows the WCAG 2.1 rule tags.
    axe_source = open(os.path.join(os.path.dirname(axe_core_python.__file__), "axe.min.js")).read()
    server = serve(output)
    base = "http://127.0.0.1:%d/" % server.server_address[1]
    driver = browser()
    result = {"pages": {}, "search": {}}
    try:
        for name, path in PAGES.items():
            page = {"overflow": {}, "violations": []}
            for width in WIDTHS:
                set_width(driver, width)
                driver.get(base + path)
                page["overflow"][str(width)] = overflow(driver)
                if width in (1280, 375):
                    screenshot(driver, os.path.join(artifacts, "%s-%d.png" % (name, width)))
            set_width(driver, 1280)
            driver.get(base + path)
            driver.execute_script("document.documentElement.style.fontSize = '200%';")
            page["overflow"]["1280-text-200"] = overflow(driver)
            driver.get(base + path)
            driver.execute_script(axe_source)
            report = driver.execute_async_script(
                "var done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: %s}}).then(done, function (e) { done({error: String(e)}); });"
                % json.dumps(AXE_TAGS)
            )
            if "error" in report:
                raise RuntimeError(report["error"])
            page["violations"] = [
                {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in report["violations"]
            ]
            page["passes"] = len(report["passes"])
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
            page["firstFocus"] = driver.execute_script(
                "var e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();"
                "return {cls: e.className, href: e.getAttribute('href'), outline: s.outlineStyle, visible: r.top >= 0 && r.height > 0};"
            )
            result["pages"][name] = page
        set_width(driver, 1280)
        driver.get(base + "search/?q=" + query)
        WebDriverWait(driver, 10).until(lambda d: "正在" not in d.find_element(By.ID, "search-status").text and d.find_element(By.ID, "search-status").text)
        result["search"] = {
            "query": query,
            "status": driver.find_element(By.ID, "search-status").text,
            "results": [a.get_attribute("href")[len(base):] for a in driver.find_elements(By.CSS_SELECTOR, "#search-results a")],
        }
        screenshot(driver, os.path.join(artifacts, "search-results-1280.png"))
    finally:
        driver.quit()
        server.shutdown()
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
