import { registry } from "@web/core/registry";
import { screenshot } from "@custcare_base/../tests/tours/custcare_tour_utils";

// A customer reports a problem from the portal with a photo and reads the
// acknowledgement: the complaint's number and when we answer.
registry.category("web_tour.tours").add("custcare_complaint_portal_tour", {
    url: "/my",
    steps: () => [
        ...screenshot("portal_home", ".o_portal_docs a[href='/my/complaints']"),
        {
            content: "Open the complaints",
            trigger: ".o_portal_docs a[href='/my/complaints']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The complaints page says where the customer is",
            trigger: ".o_portal .breadcrumb .breadcrumb-item.active:contains(客户投诉)",
        },
        ...screenshot("portal_complaints", "a[href='/my/complaints/new']:contains(反映问题)"),
        {
            content: "Report a problem",
            trigger: "a[href='/my/complaints/new']:contains(反映问题)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Subject",
            trigger: "form[action='/my/complaints/new'] input[name='subject']",
            run: "edit 到货包装破损",
        },
        {
            content: "Category",
            trigger: "form[action='/my/complaints/new'] select[name='category']",
            run: "select delivery",
        },
        {
            content: "Lot",
            trigger: "form[action='/my/complaints/new'] input[name='lot_ref']",
            run: "edit HV-2026-118",
        },
        {
            content: "What happened",
            trigger: "form[action='/my/complaints/new'] textarea[name='description']",
            run: "edit 11月20日到货的液压阀，外箱一角压扁，两件阀体有划痕。",
        },
        {
            content: "Join a photo",
            trigger: "form[action='/my/complaints/new'] input[type='file'][name='attachments']",
            run() {
                const files = new DataTransfer();
                files.items.add(new File(["箱体一角压扁"], "破损照片.txt", { type: "text/plain" }));
                this.anchor.files = files.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The photo is joined",
            trigger: "form[action='/my/complaints/new'] input[name='attachments']",
            run() {
                if (this.anchor.files.length !== 1) {
                    throw new Error("the file was not joined");
                }
            },
        },
        ...screenshot("portal_new_complaint", "label[for='attachments']:contains(照片或文件)"),
        {
            content: "Submit",
            trigger: "form[action='/my/complaints/new'] button[type='submit']:contains(提交)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The acknowledgement gives the number and the answer-by time",
            trigger: ".alert-success:contains(我们已收到您的投诉):contains(前答复您)",
            run() {
                const number = document
                    .querySelector(".breadcrumb .breadcrumb-item.active")
                    .textContent.trim();
                if (!/^TS\d{4}-/.test(number) || !this.anchor.textContent.includes(number)) {
                    throw new Error(`no number ${number} in: ${this.anchor.textContent}`);
                }
            },
        },
        {
            content: "The photo is on the complaint, in the customer's message",
            trigger:
                "#chatterRoot:shadow .o-mail-Message:contains(随投诉提交的附件):contains(破损照片)",
        },
        ...screenshot("portal_acknowledgement"),
    ],
});
