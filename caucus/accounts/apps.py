from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    name = "caucus.accounts"
    label = "accounts"


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on the site that needs the staff sign-in (INSTALLED_APPS names it)."""

    default = False  # not a second config for caucus.accounts
    default_site = "caucus.accounts.admin_site.StaffAdminSite"
