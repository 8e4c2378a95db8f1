"""Run with the system Python that has LibreOffice's `uno` (/usr/bin/python3): writes a .docx made by
LibreOffice itself with a footnote and tracked changes (an insertion and a deletion), which
python-docx cannot make. Usage: lo_story.py OUT.docx PROFILE_DIR"""
import os
import signal
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
    for _ in range(120):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.5)
    raise SystemExit("LibreOffice did not answer")


def write(doc):
    text = doc.Text
    cursor = text.createTextCursor()
    for line in ("支部战斗堡垒", "单位：市人社局", "荣誉称号：红旗党支部"):
        text.insertString(cursor, line, False)
        text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
    text.insertString(cursor, "一、建强组织体系", False)
    text.insertControlCharacter(cursor, 0, False)
    text.insertString(cursor, "支部推行党员责任区制度", False)
    note = doc.createInstance("com.sun.star.text.Footnote")
    text.insertTextContent(cursor, note, False)
    note.getText().setString("责任区制度自2019年起实行。")
    text.insertString(cursor, "，党员全部亮身份。", False)
    text.insertControlCharacter(cursor, 0, False)
    text.insertString(cursor, "窗口服务旧的说法。", False)
    doc.RecordChanges = True
    cursor.goLeft(5, True)  # select "旧的说法。" and delete it with the change recorded
    cursor.setString("")
    text.insertString(cursor, "群众满意率达到99%。", False)


def main(out, profile):
    pipe = "showcase_test_" + str(abs(hash(out)))
    office = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                               f"--accept=pipe,name={pipe};urp;"], start_new_session=True)
    try:
        context = connect(pipe)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (prop("Hidden", True),))
        write(doc)
        doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        try:  # soffice.bin outlives its wrapper: end the whole session this script started
            os.killpg(office.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
