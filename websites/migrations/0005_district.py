"""Records of the school of mentoring belong to a district (directory.District)."""

import directory.models
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0008_district'),
        ('websites', '0004_order_checks_by_sort_name'),
    ]

    operations = [
        migrations.AddField(
            model_name='checkround',
            name='district',
            field=models.ForeignKey(default=directory.models.only_district_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddField(
            model_name='historicalcheckround',
            name='district',
            field=models.ForeignKey(blank=True, db_constraint=False, default=directory.models.only_district_id, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
    ]
