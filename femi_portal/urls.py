from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("api.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("gcm.urls")),
    path("accounts/", include("allauth.urls")),
    path("me/", include("accounts.urls")),
    path("reviews/", include("reviews.urls")),
    path("practices/", include("practices.urls")),
    path("pledges/", include("pledges.urls")),
    path("dialogues/", include("dialogues.urls")),
    path("secretariat/", include("secretariat.urls")),
    path("search/", include("search.urls")),
    path("open-data/", include("api.web_urls")),
    path("admin/", admin.site.urls),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    prefix_default_language=True,
)

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
