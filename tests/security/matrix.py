"""The portal's access rules, as one table: what every URL answers to every role, for GET and for POST.

This is the access documentation of FEMI Portal, and tests/security/test_matrix.py checks it: every URL pattern of
the project (i18n_patterns, api/, admin/ and allauth included) must have a line here, and every cell must be what
the portal answers. A new URL without a line fails the test, naming the URL.

Roles (columns), each a signed-in user of tests/security/world.py:
  anon  visitor, not signed in                 fp-A  focal point of State A (Colombia)
  user  registered user, no organization       fp-B  focal point of State B (Mexico)
  memb  member of organization X               revw  peer reviewer (of another organization)
  oadm  administrator of organization X        secr  Network secretariat staff

Objects: URL arguments name objects owned by State A or organization X (tests/security/world.py, KWARGS), so the
fp-B, user, revw columns prove that other tenants are refused. POST cells send an empty form (no CSRF check; the
CSRF rule has its own test): 200 is a form shown again with its errors, 302 a service that ran or refused with a
message. Every cell runs in a rolled-back transaction, so each starts from the same world.

Legend:
  200  the page, file or form            302  redirect (done, or refused with a message), not to a sign-in page
  L    redirect to the sign-in page      404  not found: missing, or not yours (the same page as a missing object)
  405  method not allowed                A    redirect to the Django admin's sign-in page

Hard rules the cells show: what a role may not see answers 404, never 403 (the tests also compare such a 404 with
the 404 of a missing object: same body); a focal point never reaches another State's unpublished review; nothing
but the secretariat reaches /secretariat/ pages or moderation.

Cells that may surprise: reviews:detail and reviews:pdf are 404 for everyone because State A's review is a draft
(public pages show published reviews; the State works in reviews:workspace); practices:create and pledges:create
are 404 to whoever may not submit for any organization or State; secretariat:summary_retry is 404 because the
summary did not fail; dialogues:consultation answers an anonymous POST with 404 (not a sign-in redirect); an
empty POST to practices:accept, practices:ask or practices:decline by the secretariat reaches the view, which
refuses it (the empty form, or the service: "This invitation is not yours"): 302 with a message.

Django admin (/<lang>/admin/..., every pattern, one rule): staff only. Non-staff get "A" for GET and POST;
secretariat staff get past the admin's sign-in (any answer but "A" or a server error; the admin's own model
permissions decide the rest). Two exceptions, ADMIN_EXCEPTIONS: the admin's sign-in page sends everyone
to the portal's sign-in ("L": password, then the staff's second factor; the admin's own form would skip MFA),
and its sign-out signs out.
"""

ROLES = ("anon", "user", "member", "org_admin", "focal_a", "focal_b", "reviewer", "secretariat")

# The admin rule is one decorator (admin_view) in front of every admin page: checked for every pattern, but for
# these roles only (a visitor, a signed-in non-staff user, staff), which keeps the whole matrix quick.
ADMIN_ROLES = ("anon", "user", "secretariat")
ADMIN_EXCEPTIONS = {"admin:login": "L", "admin:logout": "302"}  # for non-staff roles

TABLE = """
#                                    |                   GET                   |                  POST
# url name                           | anon user memb oadm fp-A fp-B revw secr | anon user memb oadm fp-A fp-B revw secr
# --- site: language switch and the JavaScript catalogue
set_language                         |  302  302  302  302  302  302  302  302 |  302  302  302  302  302  302  302  302
javascript-catalog                   |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405

# --- api: the open-data API: read-only, published objects only (the draft review, draft practice,
#  draft pledge and submitted contribution of the details are unpublished: 404 for everyone); the ".json"
#  format-suffix variant of each route must answer the same
api:schema                           |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:docs                             |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:redoc                            |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:cycle-list                       |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:cycle-detail                     |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:objective-list                   |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:objective-detail                 |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:principle-list                   |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:principle-detail                 |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:round-table-list                 |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:round-table-detail               |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:member-state-list                |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:member-state-detail              |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:review-list                      |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:review-detail                    |  404  404  404  404  404  404  404  404 |  405  405  405  405  405  405  405  405
api:practice-list                    |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:practice-detail                  |  404  404  404  404  404  404  404  404 |  405  405  405  405  405  405  405  405
api:pledge-list                      |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:pledge-detail                    |  404  404  404  404  404  404  404  404 |  405  405  405  405  405  405  405  405
api:dialogue-list                    |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:dialogue-detail                  |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:contribution-list                |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:contribution-detail              |  404  404  404  404  404  404  404  404 |  405  405  405  405  405  405  405  405
api:api-root                         |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
api:not-found                        |  404  404  404  404  404  404  404  404 |  404  404  404  404  404  404  404  404

# --- gcm: public reference pages
gcm:home                             |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
gcm:objectives                       |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
gcm:objective                        |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
gcm:round_table                      |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405

# --- allauth: django-allauth sign-in, sign-up, e-mail, password and MFA pages (their own rules; the test staff
#  account is MFA-exempt)
account_login                        |  200  302  302  302  302  302  302  302 |  200  302  302  302  302  302  302  302
account_logout                       |  302  200  200  200  200  200  200  200 |  302  302  302  302  302  302  302  302
account_inactive                     |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
account_signup                       |  200  302  302  302  302  302  302  302 |  200  302  302  302  302  302  302  302
account_reauthenticate               |    L  200  200  200  200  200  200  200 |    L  200  200  200  200  200  200  200
account_request_reauthentication_code|    L  200  200  200  200  200  200  200 |    L  200  200  200  200  200  200  200
account_confirm_reauthentication_code|    L  302  302  302  302  302  302  302 |    L  302  302  302  302  302  302  302
account_email                        |    L  200  200  200  200  200  200  200 |    L  302  302  302  302  302  302  302
account_email_verification_sent      |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
account_change_password              |    L  200  200  200  200  200  200  200 |    L  200  200  200  200  200  200  200
account_set_password                 |    L  302  302  302  302  302  302  302 |    L  302  302  302  302  302  302  302
account_reset_password               |  200  200  200  200  200  200  200  200 |  200  200  200  200  200  200  200  200
account_confirm_login_code           |    L  302  302  302  302  302  302  302 |    L  302  302  302  302  302  302  302
account_confirm_email                |  200  200  200  200  200  200  200  200 |  404  404  404  404  404  404  404  404
account_reset_password_from_key_done |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
account_reset_password_from_key      |  200  200  200  200  200  200  200  200 |  200  200  200  200  200  200  200  200
account_reset_password_done          |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
mfa_index                            |    L  200  200  200  200  200  200  200 |    L  405  405  405  405  405  405  405
mfa_authenticate                     |    L  302  302  302  302  302  302  302 |    L  302  302  302  302  302  302  302
mfa_reauthenticate                   |    L  302  302  302  302  302  302  302 |    L  302  302  302  302  302  302  302
mfa_activate_totp                    |    L  302  302  302  302  302  302  302 |    L  302  302  302  302  302  302  302
mfa_deactivate_totp                  |    L  404  404  404  404  404  404  404 |    L  404  404  404  404  404  404  404
mfa_view_recovery_codes              |    L  404  404  404  404  404  404  404 |    L  405  405  405  405  405  405  405
mfa_generate_recovery_codes          |    L  302  302  302  302  302  302  302 |    L  302  302  302  302  302  302  302
mfa_download_recovery_codes          |    L  404  404  404  404  404  404  404 |    L  404  404  404  404  404  404  404

# --- accounts: the user's own pages; organization X, a pending membership request to X
accounts:profile                     |    L  200  200  200  200  200  200  200 |    L  200  200  200  200  200  200  200
accounts:organizations               |    L  200  200  200  200  200  200  200 |    L  405  405  405  405  405  405  405
accounts:organization_propose        |    L  200  200  200  200  200  200  200 |    L  200  200  200  200  200  200  200
accounts:organization_join           |    L  200  200  200  200  200  200  200 |    L  302  302  302  302  302  302  302
accounts:organization_manage         |    L  404  404  200  404  404  404  200 |    L  404  404  200  404  404  404  200
accounts:membership_approve          |    L  405  405  405  405  405  405  405 |    L  404  404  302  404  404  404  302
accounts:membership_refuse           |    L  405  405  405  405  405  405  405 |    L  404  404  302  404  404  404  302
accounts:membership_remove           |    L  405  405  405  405  405  405  405 |    L  404  404  302  404  404  404  302

# --- reviews: State A's draft review (only A's focal points and the secretariat), its attachment and extension request
reviews:list                         |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
reviews:detail                       |  404  404  404  404  404  404  404  404 |  405  405  405  405  405  405  405  405
reviews:pdf                          |  404  404  404  404  404  404  404  404 |  405  405  405  405  405  405  405  405
reviews:mine                         |    L  200  200  200  200  200  200  200 |    L  405  405  405  405  405  405  405
reviews:start                        |    L  405  405  405  405  405  405  405 |    L  404  404  404  302  404  404  404
reviews:workspace                    |    L  404  404  404  200  404  404  200 |    L  404  404  404  405  404  404  405
reviews:section                      |    L  404  404  404  200  404  404  302 |    L  404  404  404  200  404  404  200
reviews:objectives                   |    L  404  404  404  200  404  404  200 |    L  404  404  404  405  404  404  405
reviews:entry                        |    L  404  404  404  200  404  404  302 |    L  404  404  404  200  404  404  200
reviews:entry_delete                 |    L  404  404  404  405  404  404  405 |    L  404  404  404  302  404  404  302
reviews:attachments                  |    L  404  404  404  200  404  404  200 |    L  404  404  404  200  404  404  200
reviews:attachment_delete            |    L  404  404  404  405  404  404  405 |    L  404  404  404  302  404  404  302
reviews:attachment                   |  404  404  404  404  200  404  404  200 |  405  405  405  405  405  405  405  405
reviews:submit                       |    L  404  404  404  405  404  404  405 |    L  404  404  404  302  404  404  302
reviews:history                      |    L  404  404  404  200  404  404  200 |    L  404  404  404  405  404  404  405
reviews:extension                    |    L  404  404  404  405  404  404  405 |    L  404  404  404  302  404  404  302
reviews:invite                       |    L  404  404  404  200  404  404  404 |    L  404  404  404  200  404  404  404
reviews:accept_invitation            |    L  200  200  200  200  200  200  200 |    L  302  302  302  302  302  302  302
reviews:queue                        |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
reviews:moderate                     |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
reviews:action                       |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  302
reviews:extension_decide             |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  302

# --- practices: X's draft practice and its attachment; X's practice in review with the reviewer's accepted assignment
practices:list                       |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
practices:detail                     |  404  404  200  200  404  404  404  200 |  405  405  405  405  405  405  405  405
practices:feed                       |  200  200  200  200  200  200  200  200 |  200  200  200  200  200  200  200  200
practices:feed_atom                  |  200  200  200  200  200  200  200  200 |  200  200  200  200  200  200  200  200
practices:export_csv                 |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
practices:export_json                |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
practices:mine                       |    L  200  200  200  200  200  200  200 |    L  405  405  405  405  405  405  405
practices:create                     |    L  404  200  200  200  200  404  404 |    L  404  200  200  200  200  404  404
practices:edit                       |    L  404  200  200  404  404  404  404 |    L  404  200  200  404  404  404  404
practices:attachment_add             |    L  405  405  405  405  405  405  405 |    L  404  302  302  404  404  404  404
practices:attachment                 |  404  404  200  200  404  404  404  200 |  405  405  405  405  405  405  405  405
practices:attachment_remove          |    L  405  405  405  405  405  405  405 |    L  404  302  302  404  404  404  404
practices:submit                     |    L  404  200  200  404  404  404  404 |    L  404  200  200  404  404  404  404
practices:withdraw                   |    L  404  200  200  404  404  404  404 |    L  404  302  302  404  404  404  404
practices:answer                     |    L  405  405  405  405  405  405  405 |    L  404  302  302  404  404  404  404
practices:assignment                 |    L  404  404  404  404  404  200  200 |    L  405  405  405  405  405  405  405
practices:accept                     |    L  405  405  405  405  405  405  405 |    L  404  404  404  404  404  302  302
practices:decline                    |    L  405  405  405  405  405  405  405 |    L  404  404  404  404  404  302  302
practices:review                     |    L  404  404  404  404  404  200  404 |    L  404  404  404  404  404  302  404
practices:ask                        |    L  405  405  405  405  405  405  405 |    L  404  404  404  404  404  302  302
practices:manage                     |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
practices:manage_detail              |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  200
practices:assign                     |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  302
practices:publish                    |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  302
practices:reviewers                  |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405

# --- pledges: X's draft pledge (detail, edit, withdraw), X's published pledge (file, progress), X's submitted pledge
#  (decide), X as partner of another organization's pledge, a progress update awaiting moderation
pledges:list                         |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
pledges:dashboard                    |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
pledges:export_csv                   |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
pledges:export_json                  |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
pledges:mine                         |    L  200  200  200  200  200  200  200 |    L  405  405  405  405  405  405  405
pledges:create                       |    L  404  200  200  200  200  404  404 |    L  404  200  200  200  200  404  404
pledges:moderate                     |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
pledges:detail                       |  404  404  200  200  404  404  404  200 |  405  405  405  405  405  405  405  405
pledges:edit                         |    L  404  200  200  404  404  404  404 |    L  404  200  200  404  404  404  404
pledges:file                         |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
pledges:withdraw                     |    L  405  405  405  405  405  405  405 |    L  404  302  302  404  404  404  404
pledges:progress                     |    L  404  200  200  404  404  404  404 |    L  404  200  200  404  404  404  404
pledges:decide                       |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  302
pledges:partner_respond              |    L  405  405  405  405  405  405  405 |    L  404  302  302  404  404  404  404
pledges:update_file                  |  404  404  200  200  404  404  404  200 |  405  405  405  405  405  405  405  405
pledges:update_decide                |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  302

# --- dialogues: a dialogue with a material file; the registered user's contribution awaiting moderation (and a
#  published one, for reporting); an open consultation
dialogues:list                       |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
dialogues:detail                     |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
dialogues:calendar_feed              |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
dialogues:ics                        |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
dialogues:register                   |    L  405  405  405  405  405  405  405 |    L  302  302  302  302  302  302  302
dialogues:unregister                 |    L  405  405  405  405  405  405  405 |    L  302  302  302  302  302  302  302
dialogues:contribute                 |    L  302  302  302  302  302  302  302 |    L  200  200  200  200  200  200  200
dialogues:material                   |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
dialogues:consultations              |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
dialogues:consultation               |  200  200  200  200  200  200  200  200 |  404  200  200  200  200  200  200  200
dialogues:consultation_create        |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  200
dialogues:consultation_edit          |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  200
dialogues:contribution               |  404  200  404  404  404  404  404  200 |  405  405  405  405  405  405  405  405
dialogues:report                     |    L  404  200  200  200  200  200  200 |    L  404  200  200  200  200  200  200
dialogues:manage                     |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
dialogues:create                     |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  200
dialogues:edit                       |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  200
dialogues:materials                  |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  200
dialogues:cancel                     |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  302
dialogues:recording_add              |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  200
dialogues:material_delete            |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  302
dialogues:registrations              |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
dialogues:registrations_csv          |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
dialogues:moderation                 |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
dialogues:publish                    |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  302
dialogues:reject                     |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  302
dialogues:reports                    |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
dialogues:dismiss_reports            |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  302
dialogues:compilation                |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
dialogues:compilation_pdf            |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405

# --- secretariat: the console; an unverified organization, A's focal-point designation, the reviewer's profile,
#  a done summary document
secretariat:console                  |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
secretariat:audit                    |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
secretariat:audit_export             |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
secretariat:object_history           |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
secretariat:bulk                     |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  200
secretariat:bulk_mail                |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  200
secretariat:organizations            |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
secretariat:organization_verify      |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  302
secretariat:organization_decline     |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  302
secretariat:memberships              |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
secretariat:focal_points             |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  200
secretariat:focal_point_remove       |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  302
secretariat:reviewers                |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
secretariat:reviewer_enroll          |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  200
secretariat:reviewer_edit            |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  200
secretariat:reviewer_deactivate      |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  302
secretariat:reviewer_reactivate      |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  302
secretariat:summaries                |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  200
secretariat:summary_download         |    L  404  404  404  404  404  404  200 |    L  404  404  404  404  404  404  405
secretariat:summary_retry            |    L  404  404  404  404  404  404  405 |    L  404  404  404  404  404  404  404

# --- search: site search
search:results                       |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405

# --- opendata: the open-data ZIP listing and one nightly ZIP
opendata:index                       |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
opendata:download                    |  200  200  200  200  200  200  200  200 |  405  405  405  405  405  405  405  405
"""


def parse(table=TABLE):
    """{url name: {"GET": {role: code}, "POST": {role: code}}} from the table above."""
    rows = {}
    for line in table.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, get, post = (part.strip() for part in line.split("|"))
        get_codes, post_codes = get.split(), post.split()
        assert len(get_codes) == len(post_codes) == len(ROLES), f"matrix line for {name}: one code per role"
        assert name not in rows, f"matrix: {name} appears twice"
        rows[name] = {"GET": dict(zip(ROLES, get_codes, strict=True)),
                      "POST": dict(zip(ROLES, post_codes, strict=True))}
    return rows


EXPECTED = parse()
