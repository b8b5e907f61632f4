"""Each update's and translation's body, rendered and sanitized once and stored beside it."""

from typing import Any

from django.db import migrations, models

from caucus.lib.markdown import render_markdown


def render_stored_bodies(apps: Any, schema_editor: Any) -> None:
    for name in ("Update", "UpdateTranslation"):
        model = apps.get_model("updates", name)
        for text in model.objects.only("pk", "body").iterator():
            model.objects.filter(pk=text.pk).update(body_html=str(render_markdown(text.body)))


class Migration(migrations.Migration):
    dependencies = [
        ("updates", "0003_cites_letters"),
    ]

    operations = [
        migrations.AddField(
            model_name="update",
            name="body_html",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="updatetranslation",
            name="body_html",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(render_stored_bodies, migrations.RunPython.noop),
    ]
