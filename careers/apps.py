from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Карьера и право: стаж в организациях, соглашения о наставничестве, справки"

    def ready(self):
        # The registry asks its activation checks before a pair becomes «действует»; the agreement under
        # art. 351.8 is ours, the pair is the registry's, and the registry may not import us.
        from careers.agreements import refusal_without_agreement
        from registry.rules import ACTIVATION_CHECKS

        if refusal_without_agreement not in ACTIVATION_CHECKS:
            ACTIVATION_CHECKS.append(refusal_without_agreement)
