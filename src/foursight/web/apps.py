from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "foursight.web"
    label = "web"
    verbose_name = "Web interface"

    def ready(self) -> None:
        # SimpleAdminConfig does not import the apps' admin modules, and they register the
        # reference data and accounts on Foursight's own admin site: import them here.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("admin")
