"""Chain the audit log: every entry carries the digest of the one before it and its own."""

from django.db import migrations, models


def chain_existing(apps, schema_editor):
    from threadline.access.chain import GENESIS, digest_of

    entries = apps.get_model("access", "AuditEntry")
    previous = GENESIS
    for entry in entries.objects.order_by("pk").iterator(chunk_size=5000):
        entry.previous_digest = previous
        entry.digest = previous = digest_of(entry, previous)
        entries.objects.filter(pk=entry.pk).update(
            previous_digest=entry.previous_digest, digest=entry.digest
        )


class Migration(migrations.Migration):
    dependencies = [("access", "0002_initial")]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="previous_digest",
            field=models.CharField(default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditentry",
            name="digest",
            field=models.CharField(default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="auditentry",
            name="previous_digest",
            field=models.CharField(editable=False, max_length=64, unique=True),
        ),
    ]
