"""Records of the school of mentoring belong to a district (directory.District)."""

import directory.models
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0008_district'),
        ('reports', '0005_indicator_targets_of_questionnaire_figures'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='annualtext',
            name='annual_text_district',
        ),
        migrations.RemoveConstraint(
            model_name='approvedreport',
            name='approved_report_district',
        ),
        migrations.RemoveConstraint(
            model_name='indicatortarget',
            name='indicator_target_unique',
        ),
        migrations.AddField(
            model_name='annualtext',
            name='district',
            field=models.ForeignKey(default=directory.models.only_district_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddField(
            model_name='approvedreport',
            name='district',
            field=models.ForeignKey(default=directory.models.only_district_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddField(
            model_name='historicalannualtext',
            name='district',
            field=models.ForeignKey(blank=True, db_constraint=False, default=directory.models.only_district_id, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddField(
            model_name='indicatortarget',
            name='district',
            field=models.ForeignKey(default=directory.models.only_district_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AlterField(
            model_name='annualtext',
            name='organization',
            field=models.ForeignKey(blank=True, help_text='Пусто — отчёт по муниципальному образованию.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.organization', verbose_name='организация'),
        ),
        migrations.AlterField(
            model_name='approvedreport',
            name='organization',
            field=models.ForeignKey(blank=True, help_text='Пусто — отчёт по муниципальному образованию.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.organization', verbose_name='организация'),
        ),
        migrations.AlterField(
            model_name='historicalannualtext',
            name='organization',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='Пусто — отчёт по муниципальному образованию.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.organization', verbose_name='организация'),
        ),
        migrations.AddConstraint(
            model_name='annualtext',
            constraint=models.UniqueConstraint(condition=models.Q(('organization__isnull', True)), fields=('district', 'year'), name='annual_text_district'),
        ),
        migrations.AddConstraint(
            model_name='approvedreport',
            constraint=models.UniqueConstraint(condition=models.Q(('organization__isnull', True)), fields=('district', 'year', 'version'), name='approved_report_district'),
        ),
        migrations.AddConstraint(
            model_name='indicatortarget',
            constraint=models.UniqueConstraint(fields=('district', 'year', 'code'), name='indicator_target_unique'),
        ),
    ]
