"""Region → district → organisation: every installation holds at least one district, and the records of a
single-district installation (its organisations and its school's records) move into it."""

import core.russian
import directory.models
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def create_first_district(apps, schema_editor):
    from core.russian import sort_key

    District = apps.get_model("directory", "District")
    if not District.objects.exists():
        name = settings.MSHN_DISTRICT_NAME
        District.objects.create(name=name, sort_name=sort_key(name), updated_at=timezone.now())


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0007_merge_document_requisites'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='District',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_name', core.russian.SortKeyField(db_collation='C', default='', editable=False, max_length=255, verbose_name='ключ сортировки')),
                ('name', models.CharField(help_text='Например: Кировский муниципальный район.', max_length=200, unique=True, verbose_name='наименование')),
                ('kind', models.CharField(choices=[('municipal_district', 'Муниципальный район'), ('municipal_okrug', 'Муниципальный округ'), ('city_okrug', 'Городской округ')], default='municipal_district', max_length=30, verbose_name='вид')),
                ('is_active', models.BooleanField(default=True, verbose_name='действует')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='изменено')),
            ],
            options={
                'verbose_name': 'муниципальное образование',
                'verbose_name_plural': 'муниципальные образования',
                'ordering': ['sort_name', 'id'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalDistrict',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(db_index=True, help_text='Например: Кировский муниципальный район.', max_length=200, verbose_name='наименование')),
                ('kind', models.CharField(choices=[('municipal_district', 'Муниципальный район'), ('municipal_okrug', 'Муниципальный округ'), ('city_okrug', 'Городской округ')], default='municipal_district', max_length=30, verbose_name='вид')),
                ('is_active', models.BooleanField(default=True, verbose_name='действует')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical муниципальное образование',
                'verbose_name_plural': 'historical муниципальные образования',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(create_first_district, migrations.RunPython.noop),
        migrations.AddField(
            model_name='documentrequisites',
            name='district',
            field=models.ForeignKey(default=directory.models.only_district_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddField(
            model_name='historicaldocumentrequisites',
            name='district',
            field=models.ForeignKey(blank=True, db_constraint=False, default=directory.models.only_district_id, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddField(
            model_name='historicalorganization',
            name='district',
            field=models.ForeignKey(blank=True, db_constraint=False, default=directory.models.only_district_id, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddField(
            model_name='organization',
            name='district',
            field=models.ForeignKey(default=directory.models.only_district_id, on_delete=django.db.models.deletion.PROTECT, related_name='organizations', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddConstraint(
            model_name='documentrequisites',
            constraint=models.UniqueConstraint(fields=('district',), name='requisites_once_per_district'),
        ),
        migrations.AddField(
            model_name='historicaldistrict',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
    ]
